import { BEYOND } from '../sources.js';
import type { Rule } from '../types.js';
import { aseText, aseVersion } from './ase-site.js';

/**
 * `ase/retired` — ASEv1 and ASEv2 were retired on 2024-08-31; any v1/v2 environment in a template
 * is flagged with the move to ASEv3. Source [beyond]: App Service Environment v1/v2 retirement
 * (BEYOND.ASE_RETIREMENT).
 */
export const aseRetired: Rule = {
  meta: {
    id: 'ase/retired',
    title: 'ASEv1 and ASEv2 are retired',
    description: 'App Service Environment v1 and v2 were retired on 2024-08-31; a template that declares one must move to ASEv3.',
    severity: 'error',
    source: BEYOND.ASE_RETIREMENT,
    sourceUrl: BEYOND.ASE_RETIREMENT,
  },
  check(model, ctx) {
    for (const ase of model.all('ase')) {
      if (ase.existing) continue;
      const v = aseVersion(ase);
      if (v === 'unknown') {
        if (ase.aseKind && !ase.aseKind.known) ctx.couldNotVerify(ase.aseKind, ase, 'the ASE version (kind), to check whether it is retired');
        continue;
      }
      if (v === 3) continue;
      const tf = ase.format === 'terraform';
      const kindText = tf
        ? `is ASEv${v} (${ase.sourceType})`
        : ase.aseKind
          ? `is ASEv${v} (kind '${ase.aseKind.known ? ase.aseKind.value : ''}')`
          : 'has no kind, so Azure creates an ASEv1';
      const fix = tf ? `use azurerm_app_service_environment_v3` : `set kind 'ASEV3'`;
      ctx.report({
        range: ase.aseKind?.range ?? ase.range,
        entity: ase,
        message:
          `${aseText(ase)} ${kindText}; App Service Environment v1 and v2 were retired on 2024-08-31 and can no longer be created or run. ` +
          `Migrate to ASEv3: ${fix}, with a subnet delegated to Microsoft.Web/hostingEnvironments, /24 (256 addresses) recommended.`,
        data: [`v${v}`],
      });
    }
  },
};
