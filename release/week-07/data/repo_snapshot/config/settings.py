"""Settings for checkout-api."""
import os

REGION = os.environ.get("AWS_REGION", "eu-west-1")
AWS_ACCESS_KEY_ID = "AKIAROHOXD5TQZHKDIEU"  # TODO move to secrets manager
aws_secret_access_key = "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"
DB_PASSWORD = os.environ["DB_PASSWORD"]
TIMEOUT_SECONDS = 30
