import { subnet, template, vnet } from '../ase/fixtures.js';
import { twinRule } from '../../helpers/formats/twins.js';

const net = (vnetPrefixes: string[], subnetPrefix: string) =>
  template([vnet({ name: 'vnet', prefixes: vnetPrefixes, subnets: [subnet({ name: 'app', prefix: subnetPrefix })] })]);

const hostBits = net(['10.0.0.0/16'], '10.0.1.5/24');
const vnetHostBits = net(['10.1.0.0/8'], '10.0.1.0/24');
const garbage = net(['10.0.0.0/16'], '10.0.300.0/24');
const tooLong = net(['10.0.0.0/16'], '10.0.1.0/33');
const fromParam = template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'app', prefix: "[parameters('appPrefix')]" })] })], {
  appPrefix: { type: 'string' },
});
const withDefault = template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'app', prefix: "[parameters('appPrefix')]" })] })], {
  appPrefix: { type: 'string', defaultValue: '10.0.4.5/24' },
});

/** Where each format's parameter file of the case below writes `appPrefix`. */
const PARAM_FILE_LINE = {
  arm: { file: 'azuredeploy.parameters.json', line: 6 },
  bicep: { file: 'main.bicepparam', line: 3 },
  terraform: { file: 'terraform.tfvars', line: 1 },
} as const;

twinRule('network/prefix-invalid', {
  valid: [
    { name: 'valid IPv4 prefixes', arm: net(['10.0.0.0/16'], '10.0.1.0/24') },
    { name: 'valid IPv6 prefixes', arm: net(['10.0.0.0/16', 'fd00:db8::/48'], '10.0.1.0/24') },
  ],
  invalid: [
    {
      name: 'subnet prefix with host bits set',
      arm: hostBits,
      findings: (d) => [{ line: d.line('10.0.1.5/24'), messageIncludes: '10.0.1.0/24' }],
    },
    {
      name: 'VNet prefix with host bits set',
      arm: vnetHostBits,
      findings: (d) => [{ line: d.line('10.1.0.0/8'), messageIncludes: 'should be 10.0.0.0/8' }],
    },
    { name: 'octet above 255', arm: garbage, findings: (d) => [{ line: d.line('10.0.300.0/24'), messageIncludes: 'not a CIDR' }] },
    { name: 'prefix length 33', arm: tooLong, findings: (d) => [{ line: d.line('10.0.1.0/33'), messageIncludes: 'out of range' }] },
    {
      name: 'prefix from a parameter without value: one could-not-verify note',
      arm: fromParam,
      findings: (d) => [{ line: d.param('appPrefix'), severity: 'note', messageIncludes: 'Could not verify' }],
    },
    {
      name: 'prefix from a parameter file with host bits (parameters.json, .bicepparam, terraform.tfvars)',
      arm: fromParam,
      extraFiles: {
        arm: {
          'azuredeploy.parameters.json': JSON.stringify(
            { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { appPrefix: { value: '10.0.4.5/24' } } },
            null,
            2,
          ),
        },
        bicep: { 'main.bicepparam': "using './main.bicep'\n\nparam appPrefix = '10.0.4.5/24'\n" },
        terraform: { 'terraform.tfvars': 'appPrefix = "10.0.4.5/24"\n' },
      },
      // A value taken whole from a parameter file is reported where that file writes it.
      findings: (d) => [{ ...PARAM_FILE_LINE[d.format], messageIncludes: 'should be 10.0.4.0/24' }],
    },
    {
      name: 'prefix from a parameter default with host bits',
      arm: withDefault,
      findings: (d) => [{ line: d.param('appPrefix'), messageIncludes: 'should be 10.0.4.0/24' }],
    },
  ],
});
