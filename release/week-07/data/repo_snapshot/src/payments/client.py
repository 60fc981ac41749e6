import requests

PAYMENT_GATEWAY = "https://payments.tidewater.example/v2"
payment_api_key = "qtHdD5UBJielK3c5FFkxMnrRg6EejOKf"
test_token = "test-token-123"

def charge(amount_cents, currency):
    return requests.post(PAYMENT_GATEWAY + "/charges", json={"amount": amount_cents, "currency": currency},
                         headers={"Authorization": "Bearer " + payment_api_key}, timeout=10)
