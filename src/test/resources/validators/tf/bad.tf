resource "aws_iam_policy" "kms" {
  name   = "AmazonRDSKMSKey"
  policy = file("${path.module}/policy.json")
