import { nsg, secRule, template } from '../ase/fixtures.js';
import { twinRule } from '../../helpers/formats/twins.js';

const bad = template([
  nsg('nsg', [
    secRule({ name: 'reversed', priority: 100, ports: ['443', '500-400'] }),
    secRule({ name: 'too-big', priority: 110, ports: '70000' }),
    secRule({ name: 'word', priority: 120, sourcePorts: 'https' }),
  ]),
]);

const fromParam = template([nsg('nsg', [secRule({ name: 'p', priority: 100, ports: "[parameters('port')]" })])], { port: { type: 'string' } });

twinRule('network/nsg-port-range', {
  valid: [
    { name: '*, single ports and ranges', arm: template([nsg('nsg', [secRule({ name: 'a', priority: 100, ports: ['0', '443', '6379-6383', '65535'] }), secRule({ name: 'b', priority: 110, ports: '*' })])]) },
  ],
  invalid: [
    {
      name: 'reversed range, port above 65535, a word',
      arm: bad,
      findings: (d) => [
        { line: d.line(d.str('500-400')), messageIncludes: 'the start 500 is above the end 400' },
        { line: d.line(d.str('70000')), messageIncludes: 'ports are 0–65535' },
        { line: d.line(d.str('https')), messageIncludes: "source 'https' is not a port range" },
      ],
    },
    {
      name: 'port range from a parameter without value: could not verify',
      arm: fromParam,
      findings: (d) => [{ line: d.param('port'), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
});
