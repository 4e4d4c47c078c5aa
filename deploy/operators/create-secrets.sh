#!/usr/bin/env bash
# Creates, in the portal's namespace, every Secret that the operators' resources and the chart read
# and whose value can be generated: database roles, Keycloak and Kafka client secrets, the signing keys.
# A Secret that already exists is left as it is, so the script can run again safely; the values never
# leave the cluster (copy the licence signing key pair into your secret store: docs/operations.md).
# The SMTP relay, the backup bucket and Stripe are yours: see the *-secret.template.yaml files.
# Usage: create-secrets.sh <namespace> <portal URL, e.g. https://portal.example.com> [<API URL>]
set -euo pipefail
ns=${1:?namespace}; portal_url=${2:?portal URL}; api_url=${3:-$2}
random() { openssl rand -base64 36 | tr -d '\n/+='; }
exists() { kubectl -n "$ns" get secret "$1" > /dev/null 2>&1; }
generic() { # name key=value...
  local name=$1; shift
  exists "$name" && { echo "kept    $name"; return; }
  local args=(); for kv in "$@"; do args+=(--from-literal="$kv"); done
  kubectl -n "$ns" create secret generic "$name" "${args[@]}" > /dev/null && echo "created $name"
}
database() { # Secret name, PostgreSQL role: CloudNativePG reads both keys, the chart reads "password"
  exists "$1" && { echo "kept    $1"; return; }
  kubectl -n "$ns" create secret generic "$1" --type=kubernetes.io/basic-auth \
    --from-literal=username="$2" --from-literal=password="$(random)" > /dev/null
  # CloudNativePG applies a changed password when the Secret carries this label
  kubectl -n "$ns" label secret "$1" cnpg.io/reload=true > /dev/null && echo "created $1"
}

for s in account-service order-service license-service notification-service portal-web; do
  database "customer-portal-$s-db" "${s//-/_}"
done
database portal-keycloak-db keycloak

generic customer-portal-keycloak-admin client-secret="$(random)"
generic customer-portal-portal-web-client client-secret="$(random)"
for s in account-service order-service license-service notification-service; do
  generic "customer-portal-$s-kafka" client-secret="$(random)"
done
generic portal-billing-kafka client-secret="$(random)"
generic portal-realm-settings portal-url="$portal_url" api-url="$api_url"
generic customer-portal-unsubscribe-signing signing-key="$(openssl rand -base64 48 | tr -d '\n')"

if ! exists customer-portal-license-signing; then
  key=$(mktemp); trap 'rm -f "$key"' EXIT
  openssl genpkey -algorithm ed25519 -out "$key"
  generic customer-portal-license-signing \
    private-key="$(openssl pkey -in "$key" -outform DER | base64 -w0)" \
    public-key="$(openssl pkey -in "$key" -pubout -outform DER | base64 -w0)"
else
  echo "kept    customer-portal-license-signing"
fi
