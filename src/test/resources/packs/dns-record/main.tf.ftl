<#-- The policy as Terraform: jsonencode of the same structure as policy.json (docs.policy.text). -->
resource "aws_iam_policy" "dns" {
  name   = ${"dns-" + p.recordName?replace(".", "-")}
  policy = jsonencode(${hcl.json(docs.policy.text, 2)})
}
