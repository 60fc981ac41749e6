"""Week 7: a small repository snapshot with planted fake secrets and look-alikes (labels in
tests/keys/secret_labels.json), and service-to-service request logs for a zero-trust policy.

Every secret here is random and fake; none was ever valid anywhere."""
from __future__ import annotations

import string

import numpy as np
import pandas as pd

from .common import DOMAIN, Folder, R, U, enum, hexids, iso

B32 = np.array(list(string.ascii_uppercase + "234567"))
ALNUM = np.array(list(string.ascii_letters + string.digits))
B64 = np.array(list(string.ascii_letters + string.digits + "+/"))


def _rand(rng, alphabet, n):
    return "".join(alphabet[rng.integers(0, len(alphabet), n)])


def _repo(rng):
    aws_id = "AKIA" + _rand(rng, B32, 16)
    aws_secret = _rand(rng, B64, 40)
    aws_id2 = "AKIA" + _rand(rng, B32, 16)
    ghp = "ghp_" + _rand(rng, ALNUM, 36)
    api_key = _rand(rng, ALNUM, 32)
    db_pw = _rand(rng, ALNUM, 14) + "!"
    jwt_secret = "".join(hexids(rng, 1, 64))
    # the body of a 2048-bit PKCS#1 key: DER starting 30 82 04 a3 02 01 00 02 82 01 01 00 ("MIIEowIBAAKCAQEA"),
    # about 1,190 bytes, so 24 lines of 64 base64 characters and a shorter last one. The first 8 lines are drawn
    # from rng as before (the later data stay as they were); the rest come from a generator of their own.
    body = [_rand(rng, B64, 64) for _ in range(8)]
    extra = np.random.default_rng(2048)
    body = ["MIIEowIBAAKCAQEA" + body[0][16:], *body[1:], *(_rand(extra, B64, 64) for _ in range(16)),
            _rand(extra, B64, 52)]
    pem = "\n".join(body)
    pub = "\n".join(_rand(rng, B64, 64) for _ in range(4))
    sha = hexids(rng, 3)
    lock_hash = "".join(hexids(rng, 1, 64))
    uuid = "-".join(["".join(hexids(rng, 1, n)) for n in (8, 4, 4, 4, 12)])
    png = _rand(rng, B64, 76)
    import base64
    k8s_pw = base64.b64encode(_rand(rng, ALNUM, 20).encode()).decode()
    files = {
        "README.md": [
            "# checkout-api", "", "Checkout service of Tidewater.", "",
            "## Configuration", "",
            "Credentials come from the secrets manager. For local runs copy `.env.example` to `.env`.",
            "The AWS docs use the example key `AKIAIOSFODNN7EXAMPLE`; never put a real key here.", "",
        ],
        ".env.example": ["API_KEY=changeme", "DB_PASSWORD=<your-password>", "AWS_ACCESS_KEY_ID=", "LOG_LEVEL=info"],
        "config/settings.py": [
            '"""Settings for checkout-api."""', "import os", "",
            'REGION = os.environ.get("AWS_REGION", "eu-west-1")',
            f'AWS_ACCESS_KEY_ID = "{aws_id}"  # TODO move to secrets manager',
            f'aws_secret_access_key = "{aws_secret}"',
            'DB_PASSWORD = os.environ["DB_PASSWORD"]',
            'TIMEOUT_SECONDS = 30',
        ],
        "src/payments/client.py": [
            "import requests", "",
            f'PAYMENT_GATEWAY = "https://payments.{DOMAIN}/v2"',
            f'payment_api_key = "{api_key}"',
            'test_token = "test-token-123"', "",
            "def charge(amount_cents, currency):",
            '    return requests.post(PAYMENT_GATEWAY + "/charges", json={"amount": amount_cents, "currency": currency},',
            '                         headers={"Authorization": "Bearer " + payment_api_key}, timeout=10)',
        ],
        "scripts/release.sh": [
            "#!/bin/sh", "set -eu",
            f"export GITHUB_TOKEN={ghp}",
            'gh release create "$1" --notes-file CHANGELOG.md',
        ],
        "docker-compose.yml": [
            "services:", "  app:", "    build: .", "    environment:",
            f"      DATABASE_URL: postgres://checkout:{db_pw}@db:5432/checkout",
            "  db:", "    image: postgres:16.4", "    environment:",
            "      POSTGRES_PASSWORD: ${DB_PASSWORD}",
        ],
        "deploy/id_rsa": ["-----BEGIN RSA PRIVATE KEY-----", *pem.split("\n"), "-----END RSA PRIVATE KEY-----"],
        "deploy/signing.pub": ["-----BEGIN PUBLIC KEY-----", *pub.split("\n"), "-----END PUBLIC KEY-----"],
        "deploy/secret.yaml": [
            "apiVersion: v1", "kind: Secret", "metadata:", "  name: checkout-api", "type: Opaque", "data:",
            f"  db-password: {k8s_pw}",
        ],
        "deploy/config.yaml": [
            "apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: checkout-api", "data:",
            f"  jwt_signing_secret: \"{jwt_secret}\"",
            f"  build_commit: \"{sha[0]}\"",
        ],
        "CHANGELOG.md": ["# Changelog", "", f"## 2.14.0 ({sha[1][:7]})", f"- Fix rounding in totals, commit {sha[2]}",
                         f"- Request ids are UUIDs such as {uuid}"],
        "requirements.lock": [f"requests==2.32.3 --hash=sha256:{lock_hash}"],
        "tests/fixtures/logo.py": [f'LOGO_PNG_BASE64 = "{png}"'],
        "notebooks/exploration.py": ["# exported from a notebook", "import boto3", "",
                                     f's3 = boto3.client("s3", aws_access_key_id="{aws_id2}",',
                                     '                  aws_secret_access_key=os.environ["AWS_SECRET"])'],
    }
    labels = []

    def label(path, needle, kind, secret):
        lines = files[path]
        line = next(i for i, text in enumerate(lines, start=1) if needle in text)
        labels.append({"file": path, "line": line, "kind": kind, "is_secret": secret, "value": needle})

    label("config/settings.py", aws_id, "aws-access-key-id", True)
    label("config/settings.py", aws_secret, "aws-secret-access-key", True)
    label("notebooks/exploration.py", aws_id2, "aws-access-key-id", True)
    label("scripts/release.sh", ghp, "github-pat", True)
    label("src/payments/client.py", api_key, "generic-api-key", True)
    label("docker-compose.yml", db_pw, "password-in-url", True)
    label("deploy/id_rsa", "-----BEGIN RSA PRIVATE KEY-----", "private-key", True)
    label("deploy/secret.yaml", k8s_pw, "kubernetes-secret-data", True)
    label("deploy/config.yaml", jwt_secret, "generic-secret", True)
    label("README.md", "AKIAIOSFODNN7EXAMPLE", "aws-documentation-example", False)
    label(".env.example", "changeme", "placeholder", False)
    label(".env.example", "<your-password>", "placeholder", False)
    label("docker-compose.yml", "${DB_PASSWORD}", "environment-reference", False)
    label("src/payments/client.py", "test-token-123", "test-fixture", False)
    label("deploy/signing.pub", "-----BEGIN PUBLIC KEY-----", "public-key", False)
    label("deploy/config.yaml", sha[0], "git-sha", False)
    label("CHANGELOG.md", sha[2], "git-sha", False)
    label("CHANGELOG.md", uuid, "uuid", False)
    label("requirements.lock", lock_hash, "checksum", False)
    label("tests/fixtures/logo.py", png, "base64-image-data", False)
    return Folder({p: "\n".join(lines) + "\n" for p, lines in files.items()}), labels


def _requests(rng, services, deps, scale):
    svc = services.set_index("service_id")
    edges = deps[deps["service_id"].isin(services["service_id"]) & deps["depends_on"].isin(services["service_id"])]
    edges = edges.reset_index(drop=True)
    n = 5200 * scale
    start = int(pd.Timestamp("2026-08-24T00:00:00Z").timestamp())
    e = rng.choice(len(edges), n)
    src, dst = edges["service_id"].to_numpy()[e], edges["depends_on"].to_numpy()[e]
    # planted: calls nobody declared, a legacy VM without workload identity, and an unknown caller
    n_odd = 60 * scale
    allowed = set(zip(edges["service_id"], edges["depends_on"]))
    pool = services["service_id"].to_numpy()
    cand = [(a, b) for a, b in zip(pool[rng.integers(0, len(pool), 200)], pool[rng.integers(0, len(pool), 200)])
            if a != b and (a, b) not in allowed and svc.loc[a, "runtime"] == "kubernetes"
            and svc.loc[b, "runtime"] == "kubernetes"][:3]
    odd = np.array(cand * (n_odd // len(cand) + 1))[:n_odd]
    vm = services.loc[services["runtime"].eq("vm"), "service_id"].to_numpy()
    legacy_src = vm[0]
    legacy_dst = edges.loc[edges["service_id"].eq(legacy_src), "depends_on"]
    legacy_dst = legacy_dst.iloc[0] if len(legacy_dst) else services.loc[services["tier"].eq("tier-1"), "service_id"].iloc[0]
    src = np.r_[src, odd[:, 0], np.full(40 * scale, legacy_src), np.full(25 * scale, "unknown")]
    dst = np.r_[dst, odd[:, 1], np.full(40 * scale, legacy_dst), np.full(25 * scale, "payments-core-api")]
    m = len(src)
    t = start + np.sort(rng.integers(0, 7 * 86400, m))
    t = t[rng.permutation(m)]
    ns_of = services.set_index("service_id")["team_id"].to_dict()
    src_ns = np.array([ns_of.get(s, "") for s in src])
    dst_ns = np.array([ns_of.get(s, "") for s in dst])
    runtime = np.array([svc["runtime"].get(s, "none") for s in src])
    mtls = (runtime == "kubernetes")
    principal = np.where(mtls, "spiffe://" + DOMAIN + "/ns/" + src_ns + "/sa/" + src, "")
    path = np.where(np.char.endswith(dst.astype(str), "-events"), "/v1/publish",
                    pd.Series(["/v1/items", "/v1/orders", "/v1/health", "/v1/search", "/v1/accounts"]).to_numpy()[rng.integers(0, 5, m)])
    method = np.where(path == "/v1/health", "GET", np.where(rng.random(m) < 0.7, "GET", "POST"))
    status = np.where(rng.random(m) < 0.985, 200, pd.Series([401, 403, 500, 503]).to_numpy()[rng.integers(0, 4, m)])
    status = np.where(src == "unknown", 401, status)
    ip = "10." + pd.Series(rng.integers(0, 4, m)).astype(str) + "." + pd.Series(rng.integers(0, 255, m)).astype(str) \
        + "." + pd.Series(rng.integers(1, 255, m)).astype(str)
    df = pd.DataFrame({"_t": t, "timestamp": iso(t).to_numpy(), "source_service": src, "source_namespace": src_ns,
                       "source_principal": principal, "source_ip": ip.to_numpy(), "destination_service": dst,
                       "destination_namespace": dst_ns, "destination_port": 8080, "method": method, "path": path,
                       "response_code": status, "mtls": np.where(mtls, "true", "false"),
                       "bytes_sent": np.round(lognormal_bytes(rng, m)).astype(int)})
    df = df.sort_values(["_t", "source_service", "destination_service"], kind="stable").drop(columns="_t").reset_index(drop=True)
    observed = set(zip(src.tolist(), dst.tolist()))
    key = {"declared_edges_source": "catalog dependsOn/consumesApis (services' dependencies)",
           # every observed edge nobody declared: the planted flows, the legacy caller's and the unknown caller's
           "undeclared_flows": sorted(f"{a}->{b}" for a, b in observed - allowed),
           "planted_undeclared_flows": sorted({f"{a}->{b}" for a, b in cand}),
           "plaintext_sources": sorted(set(src[~mtls].tolist())), "legacy_vm_caller": legacy_src,
           "unknown_caller_target": "payments-core-api"}
    return df, key


def lognormal_bytes(rng, m):
    return rng.lognormal(np.log(1800), 1.0, m)


def generate(rng: np.random.Generator, scale: int = 1, tables: dict | None = None) -> dict:
    repo, labels = _repo(rng)
    logs, flow_key = _requests(rng, tables["services"], tables["_dependencies"], scale)
    deps = tables["_dependencies"]
    declared = deps[deps["service_id"].isin(tables["services"]["service_id"])].sort_values(["service_id", "depends_on"])
    label_table = pd.DataFrame(labels)[["file", "line", "kind", "is_secret", "value"]].sort_values(["file", "line"])
    return {"repo_snapshot": repo, "service_requests": logs,
            "service_dependencies": declared.reset_index(drop=True),
            "secret_labels": label_table.reset_index(drop=True),
            "keys/secret_labels": {"labels": labels,
                                   "secrets": sum(x["is_secret"] for x in labels),
                                   "look_alikes": sum(not x["is_secret"] for x in labels)},
            "keys/service_requests": flow_key}


SCHEMAS = {
    "repo_snapshot": {
        "kind": "folder", "mediatype": "text/plain",
        "title": "Repository snapshot for secret scanning",
        "description": "A snapshot of the checkout-api repository (code, configuration, scripts, manifests). It contains "
                       "several kinds of fake credentials and many strings that only look like secrets (examples, "
                       "placeholders, hashes, ids). All values are random and fake. Read it with "
                       "`workbook.data.read_text_files('repo_snapshot')`.",
        "files": [("**/*", "Source, configuration and documentation files of one service repository.")],
    },
    "secret_labels": {
        "title": "Labels of the repository snapshot (for measuring a secret scanner)",
        "description": "Every string in repo_snapshot/ that is a (fake) credential, and every string that only looks "
                       "like one, labelled by hand: the ground truth a scanner's precision and recall are measured "
                       "against. All values are random and fake, made for this course.",
        "fields": [
            ("file", "string", "File path inside repo_snapshot/.", R),
            ("line", "integer", "Line number (1 = first line).", R),
            ("kind", "string", "What the string is (aws-access-key-id, github-pat, private-key, placeholder, git-sha, ...).", R),
            ("is_secret", "boolean", "True for a credential that must never be committed; False for a look-alike.", R),
            ("value", "string", "The labelled string (fake).", R),
        ],
    },
    "service_dependencies": {
        "title": "Declared service dependencies (from the catalog)",
        "description": "Which service calls which, as the owning teams declared it in the service catalog "
                       "(a Component's spec.dependsOn on another component, and its spec.consumesApis resolved to the component "
                       "that provides the API): the intended service graph, to compare with the mesh's observed "
                       "traffic.",
        "fields": [
            ("service_id", "string", "Calling service (services.service_id).", R),
            ("depends_on", "string", "Called service (services.service_id).", R),
        ],
    },
    "service_requests": {
        "title": "Service-to-service request log (one week)",
        "description": "Sampled requests between services on 2026-08-24..30, as logged by the service mesh: caller "
                       "identity (SPIFFE ID when the caller has a workload identity), destination, whether the "
                       "connection used mutual TLS. Use it with the catalog's declared dependencies to write "
                       "default-deny zero-trust policies.",
        "fields": [
            ("timestamp", "datetime", "Request time (UTC).", R),
            ("source_service", "string", "Calling service (services.service_id), or 'unknown' when the mesh could not identify it.", R),
            ("source_namespace", "string", "Caller's namespace; empty if unknown.", {}),
            ("source_principal", "string", "Caller's workload identity (SPIFFE ID); empty without mutual TLS.", {}),
            ("source_ip", "string", "Caller's IP address (private range).", R),
            ("destination_service", "string", "Called service (services.service_id).", R),
            ("destination_namespace", "string", "Called service's namespace.", R),
            ("destination_port", "integer", "Destination port.", R),
            ("method", "string", "HTTP method.", enum(["GET", "POST"])),
            ("path", "string", "Request path.", R),
            ("response_code", "integer", "HTTP status code.", R),
            ("mtls", "boolean", "True if the connection used mutual TLS.", R),
            ("bytes_sent", "integer", "Response size (bytes).", R),
        ],
    },
}
