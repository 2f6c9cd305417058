import type { Loader } from '../sources/types.js';
import { armLoader } from '../sources/arm/index.js';
import { bicepLoader } from '../sources/bicep/index.js';
import { terraformLoader } from '../sources/terraform/index.js';

/**
 * The format loaders, in claim order: a file goes to the first loader whose `claims` accepts it.
 * ARM claims JSON templates and parameter files by content; Bicep and Terraform claim by extension,
 * and Terraform claims `terraform show -json` plan files by content (before ARM looks at JSON).
 */
export const loaders: readonly Loader[] = [terraformLoader, armLoader, bicepLoader];
