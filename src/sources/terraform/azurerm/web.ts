import type { App, AppServiceEnvironment, AppServicePlan, AutoscaleSetting, Entity, IntegrationAccount, IntegrationServiceEnvironment, LogicApp } from '../../../model/entities.js';
import { at, boolValue, itemsOf, listValue, numValue, refValue, strValue } from '../../../model/rnode-values.js';
import type { RNode, RObject } from '../../../model/resolved-resource.js';
import { known, unknownValue, type Value } from '../../../model/value.js';
import type { TfResourceInstance } from '../instance.js';
import { entityBase } from './base.js';

/** Terraform app types → the ARM `kind` the same app has in ARM templates. */
const APP_KINDS: Record<string, string> = {
  azurerm_linux_web_app: 'app,linux',
  azurerm_windows_web_app: 'app',
  azurerm_linux_function_app: 'functionapp,linux',
  azurerm_windows_function_app: 'functionapp',
  azurerm_function_app_flex_consumption: 'functionapp,linux',
  azurerm_logic_app_standard: 'functionapp,workflowapp',
  azurerm_app_service: 'app',
  azurerm_function_app: 'functionapp',
  azurerm_linux_web_app_slot: 'app,linux',
  azurerm_windows_web_app_slot: 'app',
  azurerm_linux_function_app_slot: 'functionapp,linux',
  azurerm_windows_function_app_slot: 'functionapp',
  azurerm_app_service_slot: 'app',
  azurerm_function_app_slot: 'functionapp',
};

/**
 * SKU name prefix → App Service tier (https://azure.microsoft.com/pricing/details/app-service/):
 * `azurerm_service_plan.sku_name` carries only the name (P1v3, EP1, WS1, I1v2, ...).
 */
export function tierOfSkuName(sku: string): string | undefined {
  const s = sku.toUpperCase();
  if (/^P\d+V2$/.test(s)) return 'PremiumV2';
  if (/^P\d+M?V3$/.test(s)) return 'PremiumV3';
  if (/^P\d+M?V4$/.test(s)) return 'PremiumV4';
  if (/^P\d+$/.test(s)) return 'Premium';
  if (/^EP\d+$/.test(s)) return 'ElasticPremium';
  if (/^WS\d+$/.test(s)) return 'WorkflowStandard';
  if (/^I\d+V2$/.test(s)) return 'IsolatedV2';
  if (/^I\d+$/.test(s)) return 'Isolated';
  if (/^B\d+$/.test(s)) return 'Basic';
  if (/^S\d+$/.test(s)) return 'Standard';
  if (s === 'F1' || s === 'FREE') return 'Free';
  if (s === 'D1' || s === 'SHARED') return 'Shared';
  if (s === 'Y1') return 'Dynamic';
  if (s === 'FC1') return 'FlexConsumption';
  return undefined;
}

/**
 * azurerm App Service, ASE, ISE and Logic Apps resources → model entities: azurerm_service_plan,
 * azurerm_app_service_plan, the web/function/logic app types and their slots,
 * azurerm_app_service_environment(_v3), azurerm_integration_service_environment,
 * azurerm_logic_app_workflow, azurerm_logic_app_integration_account, azurerm_monitor_autoscale_setting.
 */
export function mapWeb(inst: TfResourceInstance): Entity[] {
  const base = entityBase(inst);
  if (!base) return [];
  const b = inst.body;
  switch (inst.type) {
    case 'azurerm_service_plan': {
      const sku = strValue(at(b, 'sku_name'));
      const tier = sku && sku.known ? tierOfSkuName(sku.value) : undefined;
      const os = strValue(at(b, 'os_type'));
      const plan: AppServicePlan = {
        ...base,
        kind: 'plan',
        location: strValue(at(b, 'location')),
        planKind: os,
        skuName: sku,
        skuTier: sku ? (sku.known ? (tier ? known(tier, sku.range) : undefined) : sku) : undefined,
        skuCapacity: numValue(at(b, 'worker_count')),
        maximumElasticWorkerCount: numValue(at(b, 'maximum_elastic_worker_count')),
        hyperV: os ? (os.known ? known(os.value.toLowerCase() === 'windowscontainer', os.range) : unknownValue(os.unknown, os.range)) : undefined,
        ase: refValue(at(b, 'app_service_environment_id')),
      };
      return [plan];
    }
    case 'azurerm_app_service_plan': {
      const skuBlock = itemsOf(at(b, 'sku'))[0];
      const plan: AppServicePlan = {
        ...base,
        kind: 'plan',
        location: strValue(at(b, 'location')),
        planKind: strValue(at(b, 'kind')),
        skuName: strValue(at(skuBlock, 'size')),
        skuTier: strValue(at(skuBlock, 'tier')),
        skuCapacity: numValue(at(skuBlock, 'capacity')),
        maximumElasticWorkerCount: numValue(at(b, 'maximum_elastic_worker_count')),
        hyperV: boolValue(at(b, 'is_xenon')),
        ase: refValue(at(b, 'app_service_environment_id')),
      };
      return [plan];
    }
    case 'azurerm_app_service_environment':
    case 'azurerm_app_service_environment_v3': {
      const ase: AppServiceEnvironment = {
        ...base,
        kind: 'ase',
        location: strValue(at(b, 'location')),
        aseKind: known(inst.type.endsWith('_v3') ? 'ASEV3' : 'ASEV2', inst.range),
        subnet: refValue(at(b, 'subnet_id')),
        internalLoadBalancingMode: strValue(at(b, 'internal_load_balancing_mode')) ?? known('None', inst.range),
      };
      return [ase];
    }
    case 'azurerm_integration_service_environment': {
      const sku = strValue(at(b, 'sku_name'));
      const ise: IntegrationServiceEnvironment = {
        ...base,
        kind: 'ise',
        location: strValue(at(b, 'location')),
        // sku_name is `Developer_0` / `Premium_<units>`
        sku: sku && sku.known ? known(sku.value.split('_')[0]!, sku.range) : sku,
        accessEndpoint: strValue(at(b, 'access_endpoint_type')),
        subnets: listValue(at(b, 'virtual_network_subnet_ids'), refValue),
      };
      return [ise];
    }
    case 'azurerm_logic_app_workflow': {
      const la: LogicApp = { ...base, kind: 'logicApp', ise: refValue(at(b, 'integration_service_environment_id')), integrationAccount: refValue(at(b, 'logic_app_integration_account_id')) };
      return [la];
    }
    case 'azurerm_logic_app_integration_account': {
      const ia: IntegrationAccount = { ...base, kind: 'integrationAccount', ise: refValue(at(b, 'integration_service_environment_id')) };
      return [ia];
    }
    case 'azurerm_monitor_autoscale_setting': {
      const maxes = itemsOf(at(b, 'profile')).flatMap((p) => itemsOf(at(p, 'capacity')).map((c) => numValue(at(c, 'maximum'))));
      const a: AutoscaleSetting = { ...base, kind: 'autoscale', target: refValue(at(b, 'target_resource_id')), maxCapacity: maxOf(maxes), enabled: boolValue(at(b, 'enabled')) };
      return [a];
    }
    default: {
      const kind = APP_KINDS[inst.type];
      if (!kind) return [];
      return [mapApp(inst, base, kind)];
    }
  }
}

function mapApp(inst: TfResourceInstance, base: NonNullable<ReturnType<typeof entityBase>>, kind: string): App {
  const b = inst.body;
  const site = itemsOf(at(b, 'site_config'))[0];
  const settings = at(b, 'app_settings');
  const integration = refValue(at(b, 'virtual_network_subnet_id'));
  const isSlot = inst.type.endsWith('_slot');
  const stack = itemsOf(at(site, 'application_stack'))[0];
  const docker = strValue(at(stack, 'docker_image_name')) ?? strValue(at(stack, 'docker_image'));
  return {
    ...base,
    kind: 'app',
    location: strValue(at(b, 'location')),
    appKind: known(kind, inst.range),
    isSlot,
    plan: refValue(at(b, 'service_plan_id')) ?? refValue(at(b, 'app_service_plan_id')),
    integrations: integration ? [integration] : [],
    routeAll: boolValue(at(site, 'vnet_route_all_enabled')) ?? boolValue(at(b, 'vnet_route_all_enabled')) ?? settingFlag(settings, 'WEBSITE_VNET_ROUTE_ALL'),
    contentShare: boolValue(at(b, 'vnet_content_share_enabled')) ?? settingFlag(settings, 'WEBSITE_CONTENTOVERVNET'),
    imagePull: boolValue(at(b, 'vnet_image_pull_enabled')) ?? settingFlag(settings, 'WEBSITE_PULL_IMAGE_OVER_VNET'),
    windowsContainer: inst.type.startsWith('azurerm_windows_') && docker ? known(true, docker.range) : undefined,
  };
}

/** An app setting read as a flag: "1" / "true" → true. */
function settingFlag(settings: RNode | undefined, name: string): Value<boolean> | undefined {
  if (!settings) return undefined;
  if (settings.kind === 'unknown') return undefined;
  if (settings.kind !== 'object') return undefined;
  const e = (settings as RObject).props.get(name.toLowerCase());
  if (!e) return undefined;
  const v = strValue(e.node);
  if (!v) return undefined;
  if (!v.known) return v;
  return known(v.value === '1' || v.value.toLowerCase() === 'true', v.range);
}

function maxOf(vals: (Value<number> | undefined)[]): Value<number> | undefined {
  let best: Value<number> | undefined;
  for (const v of vals) {
    if (!v) continue;
    if (!v.known) return v;
    if (!best || (best.known && v.value > best.value)) best = v;
  }
  return best;
}
