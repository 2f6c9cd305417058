/** A Terraform azurerm VNet + ASE subnet + ASEv3 (or v2) configuration for the ASE rule tests. */
export function aseTerraform(o: { prefixes?: string[]; delegation?: string | null; v2?: boolean } = {}): string {
  const prefixes = (o.prefixes ?? ['10.0.2.0/24']).map((p) => `"${p}"`).join(', ');
  const delegation = o.delegation === null ? '' : `
  delegation {
    name = "ase"
    service_delegation {
      name = "${o.delegation ?? 'Microsoft.Web/hostingEnvironments'}"
    }
  }`;
  const ase = o.v2
    ? `resource "azurerm_app_service_environment" "ase" {
  name                = "ase-tf"
  resource_group_name = "rg"
  subnet_id           = azurerm_subnet.ase.id
}`
    : `resource "azurerm_app_service_environment_v3" "ase" {
  name                         = "ase-tf"
  resource_group_name          = "rg"
  subnet_id                    = azurerm_subnet.ase.id
  internal_load_balancing_mode = "Web, Publishing"
}`;
  return `resource "azurerm_virtual_network" "vnet" {
  name                = "vnet-tf"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "ase" {
  name                 = "ase-subnet"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = [${prefixes}]${delegation}
}

${ase}
`;
}
