import { exampleTwins } from '../../helpers/formats/example-twins.js';

exampleTwins('ise', /^ise\//, {
  broken: [
    'ise/retired',
    'ise/subnet-size',
    'ise/subnet-empty',
    'ise/subnet-delegation',
    'ise/subnet-name',
    'ise/reserved-address-space',
    'ise/expressroute-route',
    'ise/nsg-inbound',
    'ise/nsg-outbound',
    'ise/nsg-protocol',
    'ise/nsg-source-port',
    'ise/external-connector-inbound',
    'ise/forced-tunneling',
    'ise/custom-dns',
    'ise/same-environment',
  ],
  fixed: ['ise/retired'],
});
