import { fromBigInt, tryPrefix } from '../../net/cidr.js';
import type { EvalValue } from '../eval-value.js';
import type { TemplateFunction } from './types.js';
import { TemplateFunctionError, needInt, needString } from './util.js';

/**
 * CIDR template functions, as documented at
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-cidr:
 * - `parseCidr('10.144.0.0/20')` → { network, netmask, broadcast, firstUsable, lastUsable, cidr }
 *   (IPv4: first/last usable exclude the network and broadcast addresses; IPv6 has no
 *   `broadcast` and first/last usable are the range bounds);
 * - `cidrSubnet('10.144.0.0/20', 24, 1)` → '10.144.1.0/24' (newCIDR ≥ the network's prefix length);
 * - `cidrHost('10.144.3.0/24', 0)` → '10.144.3.1' (index 0 is the first usable host).
 * Addresses are parsed and printed with ipaddr.js (IPv6 in compact form).
 */
export const cidrFunctions: Record<string, TemplateFunction> = {
  parsecidr: {
    minArgs: 1, maxArgs: 1,
    call: ([n]) => {
      const c = parse(needString(n, 'parseCidr'), 'parseCidr');
      const hostBits = BigInt(c.bits - c.prefix);
      const size = 1n << hostBits;
      const network = c.addr & ~(size - 1n);
      const last = network + size - 1n;
      const mask = ((1n << BigInt(c.bits)) - 1n) ^ (size - 1n);
      const out: Record<string, EvalValue> = {
        network: text(network, c.bits),
        netmask: text(mask, c.bits),
      };
      if (c.bits === 32) {
        out.broadcast = text(last, 32);
        const usable = c.prefix >= 31;
        out.firstUsable = text(usable ? network : network + 1n, 32);
        out.lastUsable = text(usable ? last : last - 1n, 32);
      } else {
        out.firstUsable = text(network, 128);
        out.lastUsable = text(last, 128);
      }
      out.cidr = c.prefix;
      return out;
    },
  },
  cidrsubnet: {
    minArgs: 3, maxArgs: 3,
    call: ([n, nc, ix]) => {
      const c = parse(needString(n, 'cidrSubnet'), 'cidrSubnet');
      const newCidr = needInt(nc, 'cidrSubnet');
      const index = needInt(ix, 'cidrSubnet');
      if (newCidr < c.prefix || newCidr > c.bits) {
        throw new TemplateFunctionError(`cidrSubnet: newCIDR ${newCidr} must be between ${c.prefix} and ${c.bits}`);
      }
      const count = 1n << BigInt(newCidr - c.prefix);
      if (index < 0 || BigInt(index) >= count) throw new TemplateFunctionError(`cidrSubnet: subnet index ${index} out of range`);
      const network = c.addr & ~((1n << BigInt(c.bits - c.prefix)) - 1n);
      const start = network + (BigInt(index) << BigInt(c.bits - newCidr));
      return `${text(start, c.bits)}/${newCidr}`;
    },
  },
  cidrhost: {
    minArgs: 2, maxArgs: 2,
    call: ([n, ix]) => {
      const c = parse(needString(n, 'cidrHost'), 'cidrHost');
      const index = BigInt(needInt(ix, 'cidrHost'));
      const size = 1n << BigInt(c.bits - c.prefix);
      const network = c.addr & ~(size - 1n);
      // IPv4 reserves the network and broadcast addresses (except /31 and /32); IPv6 the network (subnet-router anycast) address.
      const first = c.bits === 32 && c.prefix >= 31 ? network : network + 1n;
      const last = c.bits === 32 && c.prefix < 31 ? network + size - 2n : network + size - 1n;
      const host = first + index;
      if (index < 0n || host > last) throw new TemplateFunctionError(`cidrHost: host index ${index} out of range`);
      return text(host, c.bits);
    },
  },
};

interface Cidr {
  /** The network address (host bits cleared). */
  addr: bigint;
  prefix: number;
  bits: 32 | 128;
}

/** A CIDR argument through the project's one CIDR parser (net/cidr.ts); a bare address is refused, as ARM does. */
function parse(s: string, fn: string): Cidr {
  const p = s.includes('/') ? tryPrefix(s.trim(), { allowHostBits: true }) : undefined;
  if (!p) throw new TemplateFunctionError(`${fn}: '${s}' is not an IP address range in CIDR notation`);
  return { addr: p.first, prefix: p.length, bits: p.family === 4 ? 32 : 128 };
}

function text(n: bigint, bits: number): string {
  return fromBigInt(n, bits === 32 ? 4 : 6);
}
