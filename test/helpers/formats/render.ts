import { armToBicep } from './to-bicep.js';
import { armToTerraform } from './to-terraform.js';

/** The three source formats a rule-table case runs in. */
export type Format = 'arm' | 'bicep' | 'terraform';
export const FORMATS: readonly Format[] = ['arm', 'bicep', 'terraform'];
/** The file each format's case is written to. */
export const FILE_OF: Record<Format, string> = { arm: 'azuredeploy.json', bicep: 'main.bicep', terraform: 'main.tf' };

/**
 * The text of an ARM fixture template in `format` (the ARM text itself for `arm`). Throws
 * {@link NoTwin} (from `arm-source.ts`) when the format can't express the template, and a plain
 * error on what the fixture reader doesn't know.
 */
export function render(format: Format, armText: string): string {
  if (format === 'arm') return armText;
  return format === 'bicep' ? armToBicep(armText) : armToTerraform(armText);
}
