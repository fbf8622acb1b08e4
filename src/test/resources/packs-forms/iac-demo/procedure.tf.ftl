# The record set the automation changes.
variable "zone_id" {
  type    = string
  default = ${p.zoneId}
}

output "record_name" {
  value = ${p.recordName}
}
