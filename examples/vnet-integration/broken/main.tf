# BROKEN on purpose (Terraform twin of azuredeploy.json): a web app and a function app integrated
# with a /29 undelegated subnet of a dual-stack VNet in another region, shared with a private
# endpoint, with route-all and content share over a VNet whose NSG blocks the internet. See ../fixed.

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "resource_group_name" {
  type    = string
  default = "rg-vnet-integration-example"
}

variable "app_location" {
  type    = string
  default = "westeurope"
}

variable "vnet_location" {
  type    = string
  default = "northeurope"
}

data "azurerm_resource_group" "rg" {
  name = var.resource_group_name
}

locals {
  # Like ARM's uniqueString(resourceGroup().id): not known before apply.
  suffix = substr(sha1(data.azurerm_resource_group.rg.id), 0, 13)
}

resource "azurerm_network_security_group" "integration" {
  name                = "integration-nsg"
  location            = var.vnet_location
  resource_group_name = var.resource_group_name

  security_rule {
    name                       = "deny-internet-in"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "Internet"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "*"
  }

  security_rule {
    name                       = "deny-internet-out"
    priority                   = 200
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "Internet"
    destination_port_range     = "*"
  }
}

resource "azurerm_subnet_service_endpoint_storage_policy" "storage" {
  name                = "storage-policy"
  location            = var.vnet_location
  resource_group_name = var.resource_group_name
}

resource "azurerm_virtual_network" "vnet" {
  name                = "vnet-${local.suffix}"
  location            = var.vnet_location
  resource_group_name = var.resource_group_name
  address_space       = ["10.20.0.0/16", "fd00:db8:20::/48"]
}

resource "azurerm_subnet" "integration" {
  name                        = "integration"
  resource_group_name         = var.resource_group_name
  virtual_network_name        = azurerm_virtual_network.vnet.name
  address_prefixes            = ["10.20.1.0/29"]
  service_endpoints           = ["Microsoft.Storage"]
  service_endpoint_policy_ids = [azurerm_subnet_service_endpoint_storage_policy.storage.id]
}

resource "azurerm_subnet_network_security_group_association" "integration" {
  subnet_id                 = azurerm_subnet.integration.id
  network_security_group_id = azurerm_network_security_group.integration.id
}

resource "azurerm_storage_account" "st" {
  name                          = "st${local.suffix}"
  location                      = var.vnet_location
  resource_group_name           = var.resource_group_name
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = false
}

resource "azurerm_private_endpoint" "storage" {
  name                = "pe-storage"
  location            = var.vnet_location
  resource_group_name = var.resource_group_name
  subnet_id           = azurerm_subnet.integration.id

  private_service_connection {
    name                           = "blob"
    private_connection_resource_id = azurerm_storage_account.st.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
}

resource "azurerm_service_plan" "web" {
  name                = "plan-${local.suffix}"
  location            = var.app_location
  resource_group_name = var.resource_group_name
  os_type             = "Windows"
  sku_name            = "P1v3"
  worker_count        = 4
}

resource "azurerm_service_plan" "func" {
  name                = "funcplan-${local.suffix}"
  location            = var.app_location
  resource_group_name = var.resource_group_name
  os_type             = "Windows"
  sku_name            = "Y1"
}

resource "azurerm_windows_web_app" "web" {
  name                      = "web-${local.suffix}"
  location                  = var.app_location
  resource_group_name       = var.resource_group_name
  service_plan_id           = azurerm_service_plan.web.id
  virtual_network_subnet_id = azurerm_subnet.integration.id
  https_only                = true

  site_config {
    vnet_route_all_enabled = true
  }
}

resource "azurerm_windows_function_app" "func" {
  name                       = "func-${local.suffix}"
  location                   = var.app_location
  resource_group_name        = var.resource_group_name
  service_plan_id            = azurerm_service_plan.func.id
  storage_account_name       = azurerm_storage_account.st.name
  storage_account_access_key = azurerm_storage_account.st.primary_access_key
  virtual_network_subnet_id  = azurerm_subnet.integration.id

  app_settings = {
    WEBSITE_CONTENTOVERVNET = "1"
  }

  site_config {}
}
