# exported from a notebook
import boto3

s3 = boto3.client("s3", aws_access_key_id="AKIAPBEY2NKUWDH5DTAY",
                  aws_secret_access_key=os.environ["AWS_SECRET"])
