#!/usr/bin/env bash
# Checks what `./mvnw -Prelease package` made, without a registry: each application's image tarball
# (OCI layout: its entry point, user, ports, version label, and the SBOM inside it), the build's SBOM
# and the packaged chart with the build's version. .ci/run calls it after the build.
# Usage: deploy/check-release.sh   (from any folder; reads the build's target folders)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import io, json, re, sys, tarfile, xml.etree.ElementTree as ET

ns = {"m": "http://maven.apache.org/POM/4.0.0"}
version = ET.parse("pom.xml").getroot().find("m:version", ns).text
apps = ["gateway", "account-service", "order-service", "license-service", "notification-service", "portal-web"]
failures = []

def check(condition, message):
    if not condition:
        failures.append(message)
    return condition

def sbom(data, what):
    bom = json.loads(data)
    check(bom.get("bomFormat") == "CycloneDX", f"{what}: not a CycloneDX document")
    check(len(bom.get("components", [])) > 10, f"{what}: lists {len(bom.get('components', []))} components")
    return bom

for app in apps:
    path = f"{app}/target/{app}-{version}-image.tar"
    try:
        image = tarfile.open(path)
    except FileNotFoundError:
        check(False, f"{path} missing")
        continue
    blob = lambda digest: image.extractfile("blobs/sha256/" + digest.split(":")[1]).read()
    index = json.loads(image.extractfile("index.json").read())
    manifest = json.loads(blob(index["manifests"][0]["digest"]))
    config = json.loads(blob(manifest["config"]["digest"]))["config"]
    entry = config.get("Entrypoint", [])
    check(entry[:1] == ["java"] and any(a.startswith("-XX:MaxRAMPercentage=") for a in entry), f"{app}: entry point {entry}")
    check(config.get("User") == "1000:1000", f"{app}: user {config.get('User')}")
    check(len(config.get("ExposedPorts", {})) == 2, f"{app}: ports {config.get('ExposedPorts')}")
    check(config.get("Labels", {}).get("org.opencontainers.image.version") == version, f"{app}: version label")
    found = None
    for layer in manifest["layers"]:
        with tarfile.open(fileobj=io.BytesIO(blob(layer["digest"]))) as files:
            member = next((m for m in files.getmembers() if m.name.endswith("META-INF/sbom/application.cdx.json")), None)
            if member:
                found = files.extractfile(member).read()
    if check(found is not None, f"{app}: no SBOM in the image"):
        bom = sbom(found, f"{app}'s SBOM")
        check(bom["metadata"]["component"]["name"] == app, f"{app}: SBOM of {bom['metadata']['component']['name']}")
    print(f"release: {path}: entry point, user, ports, version and SBOM checked")

with open("target/classes/META-INF/sbom/application.cdx.json") as f:
    bom = sbom(f.read(), "the build's SBOM")
names = {c.get("name") for c in bom.get("components", [])}
check(set(apps) <= names, f"the build's SBOM lacks {set(apps) - names}")
print("release: target/classes/META-INF/sbom/application.cdx.json: the whole build's SBOM checked")

chart = f"deploy/target/helm/customer-portal-{version}.tgz"
with tarfile.open(chart) as packaged:
    meta = packaged.extractfile("customer-portal/Chart.yaml").read().decode()
    # helm package writes Chart.yaml anew, quoting as it likes
    for key in ("version", "appVersion"):
        check(re.search(rf'^{key}: ["\']?{re.escape(version)}["\']?$', meta, re.M), f"{chart}: {key} is not {version}")
    check("customer-portal/values.schema.json" in packaged.getnames(), f"{chart}: no values.schema.json")
print(f"release: {chart} checked")

if failures:
    print("release check failed:\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
PY
