import { twinRule, type Markers } from '../../helpers/formats/twins.js';
import { defaultSubnets, iseTemplate } from './fixtures.js';

const ISE = 'Microsoft.Logic/integrationServiceEnvironments';
const none = (() => {
  const s = defaultSubnets();
  delete s[0]!.delegation;
  return iseTemplate({ subnets: s });
})();
const two = (() => {
  const s = defaultSubnets();
  s[2]!.delegation = ISE;
  return iseTemplate({ subnets: s });
})();
const other = (() => {
  const s = defaultSubnets();
  s[3]!.delegation = 'Microsoft.Web/serverFarms';
  return iseTemplate({ subnets: s });
})();

const serviceName = (service: string): Markers => ({ arm: `"serviceName": "${service}"`, bicep: `serviceName: '${service}'`, terraform: `name = "${service}"` });

twinRule('ise/subnet-delegation', {
  valid: [
    { name: 'exactly one subnet delegated to the ISE', arm: iseTemplate() },
    { name: 'delegation written in another case', arm: iseTemplate().replace(ISE, 'microsoft.logic/integrationserviceenvironments') },
  ],
  invalid: [
    {
      name: 'no subnet delegated',
      arm: none,
      findings: (d) => [{ line: d.item('ise-1'), messageIncludes: 'None of the subnets' }],
    },
    {
      name: 'two subnets delegated',
      arm: two,
      findings: (d) => [{ line: d.line(serviceName(ISE), 1), messageIncludes: "but so is 'ise-1'" }],
    },
    {
      name: 'a subnet delegated to another service',
      arm: other,
      findings: (d) => [{ line: d.line(serviceName('Microsoft.Web/serverFarms')), messageIncludes: "delegated to 'Microsoft.Web/serverFarms'" }],
    },
  ],
});
