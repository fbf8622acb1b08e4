{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowAuroraToListBucket",
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": ${p.bucket.arn}
    },
    {
      "Sid": "AllowAuroraToReadObjects",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:GetObjectVersion"],
      "Resource": ${p.bucket.arn + "/" + (p.prefix!"") + "*"}
    }
  ]
}
