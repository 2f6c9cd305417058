import { exampleTwins } from '../../helpers/formats/example-twins.js';

exampleTwins('plain-network', /^network\//, {
  broken: ['network/nsg-port-range', 'network/nsg-priority', 'network/peering-overlap', 'network/prefix-invalid', 'network/subnet-outside-vnet', 'network/subnet-overlap'],
  fixed: [],
});
