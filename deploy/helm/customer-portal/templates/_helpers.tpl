{{/*
Shared helpers. Every service is rendered by "portal.workload" (Deployment, Service,
ServiceAccount and, when the service has extra configuration, a ConfigMap); templates call it
with the context dict "root" $ "name" <service name> "svc" <its values> (called "a service
context" below).
*/}}

{{- define "portal.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-wide prefix of every object name. */}}
{{- define "portal.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of one service's objects: <fullname>-<service>. Context: a service context. */}}
{{- define "portal.componentName" -}}
{{- printf "%s-%s" (include "portal.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "portal.chartLabel" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object of the release. Context: the root. */}}
{{- define "portal.commonLabels" -}}
helm.sh/chart: {{ include "portal.chartLabel" . }}
app.kubernetes.io/part-of: {{ include "portal.name" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ include "portal.appVersion" . | quote }}
{{- end -}}

{{/* Selector labels of one service's pods. Context: a service context. */}}
{{- define "portal.selectorLabels" -}}
app.kubernetes.io/name: {{ include "portal.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* All labels of one service's objects. Context: a service context. */}}
{{- define "portal.labels" -}}
{{ include "portal.commonLabels" .root }}
{{ include "portal.selectorLabels" . }}
{{- end -}}

{{- define "portal.appVersion" -}}
{{- .Chart.AppVersion | default .Chart.Version -}}
{{- end -}}

{{/* The service names in a stable order; the shared templates iterate over these. */}}
{{- define "portal.serviceNames" -}}
gateway account-service order-service license-service notification-service portal-web
{{- end -}}

{{/* Image reference of one service: [registry/]prefix/repository:tag, never "latest". */}}
{{- define "portal.image" -}}
{{- $g := .root.Values.global.image -}}
{{- $tag := .svc.image.tag | default $g.tag | default (include "portal.appVersion" .root) | toString -}}
{{- if eq $tag "latest" -}}
{{- fail (printf "services.%s: the image tag \"latest\" is not allowed; pin a version" .name) -}}
{{- end -}}
{{- $path := .svc.image.repository -}}
{{- if $g.repositoryPrefix -}}{{- $path = printf "%s/%s" (trimSuffix "/" $g.repositoryPrefix) $path -}}{{- end -}}
{{- if $g.registry -}}{{- $path = printf "%s/%s" (trimSuffix "/" $g.registry) $path -}}{{- end -}}
{{- $digest := .svc.image.digest | default "" -}}
{{- if $digest -}}
{{- /* the digest decides what runs; the tag stays for people reading the manifest */ -}}
{{- printf "%s:%s@%s" $path $tag $digest -}}
{{- else -}}
{{- printf "%s:%s" $path $tag -}}
{{- end -}}
{{- end -}}

{{/* In-cluster URL of a service (used by the gateway's routes). Context: a service context. */}}
{{- define "portal.serviceUrl" -}}
{{- printf "http://%s:%d" (include "portal.componentName" .) (int .svc.port) -}}
{{- end -}}

{{/* An env entry read from a Secret. Args: dict "env" "secret" "key". */}}
{{- define "portal.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s needs an existing Secret name" .env) .secret | quote }}
      key: {{ required (printf "%s needs the key inside its Secret" .env) .key | quote }}
{{- end -}}

{{/* Environment of one service. Context: a service context. */}}
{{- define "portal.env" -}}
{{- $root := .root -}}
{{- $g := $root.Values.global -}}
{{- $svc := .svc -}}
- name: SERVER_PORT
  value: {{ $svc.port | quote }}
{{- if eq .name "portal-web" }}
- name: SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_ISSUERURI
  value: {{ required "global.keycloak.issuerUri is required" $g.keycloak.issuerUri | quote }}
{{- else }}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI
  value: {{ required "global.keycloak.issuerUri is required" $g.keycloak.issuerUri | quote }}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI
  value: {{ $g.keycloak.jwkSetUri | default (printf "%s/protocol/openid-connect/certs" (trimSuffix "/" $g.keycloak.issuerUri)) | quote }}
{{- end }}
- name: MANAGEMENT_SERVER_PORT
  value: {{ required "managementPort is required" $svc.managementPort | quote }}
{{- with $svc.database }}
- name: SPRING_DATASOURCE_URL
  value: {{ required "database.url is required" .url | quote }}
- name: SPRING_DATASOURCE_USERNAME
  value: {{ required "database.username is required" .username | quote }}
{{ include "portal.secretEnv" (dict "env" "SPRING_DATASOURCE_PASSWORD" "secret" .existingSecret "key" .passwordKey) }}
{{- end }}
{{- if not (has .name (list "gateway" "portal-web")) }}
- name: SPRING_KAFKA_BOOTSTRAPSERVERS
  value: {{ required "global.kafka.bootstrapServers is required" $g.kafka.bootstrapServers | quote }}
- name: SPRING_KAFKA_ADMIN_AUTOCREATE
  value: {{ $g.kafka.topics.autoCreate | quote }}
- name: PORTAL_EVENTS_PARTITIONS
  value: {{ $g.kafka.topics.partitions | quote }}
- name: PORTAL_EVENTS_REPLICAS
  value: {{ $g.kafka.topics.replicationFactor | quote }}
{{- if eq $g.kafka.authentication.mechanism "oauthbearer" }}
{{- $kafka := required (printf "services.%s.kafka is required with global.kafka.authentication.mechanism oauthbearer" .name) $svc.kafka }}
- name: PORTAL_KAFKA_OAUTH_CLIENTID
  value: {{ required (printf "services.%s.kafka.clientId is required" .name) $kafka.clientId | quote }}
{{ include "portal.secretEnv" (dict "env" "PORTAL_KAFKA_OAUTH_CLIENTSECRET" "secret" $kafka.existingSecret "key" $kafka.clientSecretKey) }}
- name: PORTAL_KAFKA_OAUTH_TOKENENDPOINTURL
  value: {{ $g.kafka.authentication.tokenEndpointUrl | default (printf "%s/protocol/openid-connect/token" (trimSuffix "/" $g.keycloak.issuerUri)) | quote }}
- name: PORTAL_KAFKA_OAUTH_SECURITYPROTOCOL
  value: {{ $g.kafka.authentication.securityProtocol | quote }}
{{- end }}
{{- end }}
{{- with $g.logging.structuredFormat }}
- name: LOGGING_STRUCTURED_FORMAT_CONSOLE
  value: {{ . | quote }}
{{- end }}
{{- /* the web portal has no tracer: only the gateway and the services read these */}}
{{- if ne .name "portal-web" }}
{{- with $g.tracing.otlpEndpoint }}
- name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- if ne (toString $g.tracing.samplingProbability) "" }}
- name: MANAGEMENT_TRACING_SAMPLING_PROBABILITY
  value: {{ $g.tracing.samplingProbability | toString | quote }}
{{- end }}
{{- end }}
{{- if eq .name "gateway" }}
{{- range $target := list "account-service" "order-service" "license-service" "notification-service" }}
{{- $t := index $root.Values.services $target }}
- name: PORTAL_GATEWAY_ROUTES_{{ $target | replace "-" "" | upper }}URL
  value: {{ include "portal.serviceUrl" (dict "root" $root "name" $target "svc" $t) | quote }}
{{- end }}
- name: PORTAL_GATEWAY_CORS_ALLOWEDORIGINS
  value: {{ $svc.corsAllowedOrigins | quote }}
{{- with $svc.trustedProxies }}
{{- if and $root.Values.networkPolicy.enabled (empty $root.Values.networkPolicy.gateway.from) }}
{{- fail "services.gateway.trustedProxies needs networkPolicy.gateway.from (your ingress controller's namespace and pods): while any pod may reach the gateway, any pod in a trusted range could name any client address and escape its rate limit" }}
{{- end }}
- name: PORTAL_GATEWAY_RATELIMIT_TRUSTEDPROXIES
  value: {{ join "," . | quote }}
{{- end }}
{{- with $svc.redis }}
{{- if .enabled }}
- name: SPRING_DATA_REDIS_HOST
  value: {{ required "services.gateway.redis.host is required when services.gateway.redis.enabled" .host | quote }}
{{- with .port }}
- name: SPRING_DATA_REDIS_PORT
  value: {{ . | toString | quote }}
{{- end }}
{{- if .ssl }}
- name: SPRING_DATA_REDIS_SSL_ENABLED
  value: "true"
{{- end }}
{{- if .existingSecret }}
{{ include "portal.secretEnv" (dict "env" "SPRING_DATA_REDIS_PASSWORD" "secret" .existingSecret "key" .passwordKey) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .name "account-service" }}
{{- with $svc.keycloakAdmin }}
- name: PORTAL_ACCOUNT_KEYCLOAK_ADMINURL
  value: {{ .url | quote }}
{{- with .realm }}
- name: PORTAL_ACCOUNT_KEYCLOAK_REALM
  value: {{ . | quote }}
{{- end }}
{{- with .clientId }}
- name: PORTAL_ACCOUNT_KEYCLOAK_CLIENTID
  value: {{ . | quote }}
{{- end }}
{{ include "portal.secretEnv" (dict "env" "PORTAL_ACCOUNT_KEYCLOAK_CLIENTSECRET" "secret" .existingSecret "key" .clientSecretKey) }}
{{- end }}
- name: PORTAL_ACCOUNT_INVITATIONS_ACCEPTBASEURL
  value: {{ $g.portalBaseUrl | quote }}
{{- end }}
{{- if has .name (list "order-service" "license-service") }}
{{- $account := dict "root" $root "name" "account-service" "svc" (index $root.Values.services "account-service") }}
- name: PORTAL_ACCOUNTSERVICE_URL
  value: {{ include "portal.serviceUrl" $account | quote }}
{{- with $g.membershipLookupTimeout }}
- name: PORTAL_ACCOUNTSERVICE_TIMEOUT
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- if eq .name "order-service" }}
- name: PORTAL_ORDER_PAYMENTS_PROVIDER
  value: {{ required "services.order-service.paymentProvider is required: stripe (with services.order-service.stripe.existingSecret), or simulated on a developer's cluster (no money moves)" $svc.paymentProvider | quote }}
- name: PORTAL_ORDER_PAYMENTS_PORTALBASEURL
  value: {{ $g.portalBaseUrl | quote }}
{{- /* the simulated provider's test page is the API's, on the portal's public host */}}
- name: PORTAL_ORDER_PAYMENTS_SIMULATED_PAGEBASEURL
  value: {{ $g.portalBaseUrl | quote }}
{{- with $svc.returnUrlOrigins }}
- name: PORTAL_ORDER_PAYMENTS_RETURNURLORIGINS
  value: {{ . | quote }}
{{- end }}
{{- if eq $svc.paymentProvider "stripe" }}
{{ include "portal.secretEnv" (dict "env" "PORTAL_ORDER_PAYMENTS_STRIPE_SECRETKEY" "secret" $svc.stripe.existingSecret "key" $svc.stripe.secretKeyKey) }}
{{ include "portal.secretEnv" (dict "env" "PORTAL_ORDER_PAYMENTS_STRIPE_WEBHOOKSECRET" "secret" $svc.stripe.existingSecret "key" $svc.stripe.webhookSecretKey) }}
{{- end }}
{{- end }}
{{- if eq .name "license-service" }}
{{- with $svc.signingKeys }}
{{ include "portal.secretEnv" (dict "env" "PORTAL_LICENSE_SIGNING_PRIVATEKEY" "secret" .existingSecret "key" .privateKeyKey) }}
{{ include "portal.secretEnv" (dict "env" "PORTAL_LICENSE_SIGNING_PUBLICKEY" "secret" .existingSecret "key" .publicKeyKey) }}
{{- end }}
{{- end }}
{{- if eq .name "notification-service" }}
{{- with $svc.smtp }}
- name: SPRING_MAIL_HOST
  value: {{ .host | quote }}
- name: SPRING_MAIL_PORT
  value: {{ .port | quote }}
{{- if .starttls }}
- name: SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE
  value: "true"
{{- end }}
{{- with .username }}
- name: SPRING_MAIL_USERNAME
  value: {{ . | quote }}
{{- end }}
{{- if .existingSecret }}
{{ include "portal.secretEnv" (dict "env" "SPRING_MAIL_PASSWORD" "secret" .existingSecret "key" .passwordKey) }}
{{- end }}
{{- end }}
- name: PORTAL_NOTIFICATIONS_FROM
  value: {{ $svc.mailFrom | quote }}
- name: PORTAL_NOTIFICATIONS_BASEURL
  value: {{ $g.portalBaseUrl | quote }}
{{- /* the unsubscribe page is the API's, served on the same public host as the portal */}}
- name: PORTAL_NOTIFICATIONS_UNSUBSCRIBE_BASEURL
  value: {{ $g.portalBaseUrl | quote }}
{{- with $svc.unsubscribeSigningKey }}
{{ include "portal.secretEnv" (dict "env" "PORTAL_NOTIFICATIONS_UNSUBSCRIBE_SIGNINGKEY" "secret" .existingSecret "key" .key) }}
{{- end }}
{{- end }}
{{- if eq .name "portal-web" }}
{{- with $svc.keycloakClient }}
{{- with .clientId }}
- name: SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTID
  value: {{ . | quote }}
{{- end }}
{{ include "portal.secretEnv" (dict "env" "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTSECRET" "secret" .existingSecret "key" .clientSecretKey) }}
{{- end }}
- name: PORTAL_WEB_APIURL
  value: {{ include "portal.serviceUrl" (dict "root" $root "name" "gateway" "svc" $root.Values.services.gateway) | quote }}
{{- with $svc.formActionOrigins }}
- name: PORTAL_WEB_FORMACTIONORIGINS
  value: {{ join "," . | quote }}
{{- end }}
{{- with $svc.supportEmail }}
- name: PORTAL_WEB_SUPPORTEMAIL
  value: {{ . | quote }}
{{- end }}
{{- with $svc.salesEmail }}
- name: PORTAL_WEB_SALESEMAIL
  value: {{ . | quote }}
{{- end }}
- name: SERVER_FORWARDHEADERSSTRATEGY
  value: {{ $svc.forwardHeadersStrategy | default "native" | quote }}
{{- end }}
{{- $jto := trim (printf "%s %s" ($g.javaToolOptions | default "") ($svc.javaToolOptions | default "")) }}
{{- if $jto }}
- name: JAVA_TOOL_OPTIONS
  value: {{ $jto | quote }}
{{- end }}
{{- if $svc.config }}
- name: SPRING_CONFIG_ADDITIONAL_LOCATION
  value: "optional:file:/etc/customer-portal/"
{{- end }}
{{- range $k, $v := merge (dict) ($svc.env | default dict) ($g.env | default dict) }}
- name: {{ $k }}
  value: {{ $v | quote }}
{{- end }}
{{- with concat ($g.extraEnv | default list) ($svc.extraEnv | default list) }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
An HTTP probe on an Actuator health group. Args: dict "path" "p" (probe timings) and optionally
"port" (a container port name; default http).
*/}}
{{- define "portal.httpProbe" -}}
httpGet:
  path: {{ .path }}
  port: {{ .port | default "http" }}
periodSeconds: {{ .p.periodSeconds }}
timeoutSeconds: {{ .p.timeoutSeconds }}
failureThreshold: {{ .p.failureThreshold }}
{{- end -}}

{{/* The pods' security context (the restricted Pod Security Standard). Context: .Values.global. */}}
{{- define "portal.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser }}
runAsGroup: {{ .runAsGroup }}
fsGroup: {{ .runAsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The containers' security context: nothing to escalate, a read-only root file system. */}}
{{- define "portal.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Global then per-service entries of a list value (extraVolumes, extraVolumeMounts). Args: dict "root" "svc" "key". */}}
{{- define "portal.extraList" -}}
{{- with concat ((index .root.Values.global .key) | default list) ((index .svc .key) | default list) }}
{{- toYaml . }}
{{- end }}
{{- end -}}

{{/* initContainers of one service's pods, global ones first. Context: a service context. */}}
{{- define "portal.initContainers" -}}
{{- with concat (.root.Values.global.initContainers | default list) (.svc.initContainers | default list) }}
initContainers:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/*
The shared workload template: ServiceAccount, optional ConfigMap, Service and Deployment of one
service. Context: dict "root" $ "name" <service> "svc" <values>.
*/}}
{{- define "portal.workload" -}}
{{- $root := .root -}}
{{- $g := $root.Values.global -}}
{{- $svc := .svc -}}
{{- $name := include "portal.componentName" . -}}
{{- if gt (int $g.preStopSleepSeconds) (sub (int $g.terminationGracePeriodSeconds) 21 | int) -}}
{{- fail "global.terminationGracePeriodSeconds must exceed global.preStopSleepSeconds + 20 s of graceful shutdown" -}}
{{- end }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $name }}
  labels:
    {{- include "portal.labels" . | nindent 4 }}
  {{- with $root.Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- if $svc.config }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $name }}
  labels:
    {{- include "portal.labels" . | nindent 4 }}
data:
  application.yaml: |
    {{- toYaml $svc.config | nindent 4 }}
{{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  labels:
    {{- include "portal.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "portal.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ $svc.port }}
      targetPort: http
      protocol: TCP
    # probes and metrics, never on the API's port
    - name: management
      port: {{ $svc.managementPort }}
      targetPort: management
      protocol: TCP
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "portal.labels" . | nindent 4 }}
  {{- if $g.reloader.enabled }}
  annotations:
    # Stakater Reloader rolls the pods when a Secret or ConfigMap they read changes (a rotated password)
    reloader.stakater.com/auto: "true"
  {{- end }}
spec:
  {{- if not $svc.autoscaling.enabled }}
  replicas: {{ $svc.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "portal.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # Never go below the desired replica count during an upgrade.
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        {{- include "portal.labels" . | nindent 8 }}
        {{- with $g.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ toYaml ($svc.config | default dict) | sha256sum }}
        {{- with merge (dict) ($svc.podAnnotations | default dict) ($g.podAnnotations | default dict) }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ $name }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      {{- with ($svc.priorityClassName | default $g.priorityClassName) }}
      priorityClassName: {{ . }}
      {{- end }}
      terminationGracePeriodSeconds: {{ $g.terminationGracePeriodSeconds }}
      {{- with $g.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      securityContext:
        {{- include "portal.podSecurityContext" $g | nindent 8 }}
      {{- with ($svc.nodeSelector | default $g.nodeSelector) }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with ($svc.tolerations | default $g.tolerations) }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with ($svc.affinity | default $g.affinity) }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if $g.topologySpread.enabled }}
      topologySpreadConstraints:
        - maxSkew: {{ $g.topologySpread.maxSkew }}
          topologyKey: {{ $g.topologySpread.topologyKey }}
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "portal.selectorLabels" . | nindent 14 }}
      {{- end }}
      {{- with include "portal.initContainers" . }}{{ . | trim | nindent 6 }}{{- end }}
      containers:
        - name: {{ .name }}
          image: {{ include "portal.image" . | quote }}
          imagePullPolicy: {{ $g.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $svc.port }}
              protocol: TCP
            - name: management
              containerPort: {{ $svc.managementPort }}
              protocol: TCP
          env:
            {{- include "portal.env" . | nindent 12 }}
          startupProbe:
            {{- include "portal.httpProbe" (dict "path" "/actuator/health/liveness" "p" $g.probes.startup "port" "management") | nindent 12 }}
          livenessProbe:
            {{- include "portal.httpProbe" (dict "path" "/actuator/health/liveness" "p" $g.probes.liveness "port" "management") | nindent 12 }}
          readinessProbe:
            {{- include "portal.httpProbe" (dict "path" "/actuator/health/readiness" "p" $g.probes.readiness "port" "management") | nindent 12 }}
          lifecycle:
            preStop:
              exec:
                command: ["sh", "-c", "sleep {{ $g.preStopSleepSeconds }}"]
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          securityContext:
            {{- include "portal.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if $svc.config }}
            - name: config
              mountPath: /etc/customer-portal
              readOnly: true
            {{- end }}
            {{- with include "portal.extraList" (dict "root" $root "svc" $svc "key" "extraVolumeMounts") }}{{ . | trim | nindent 12 }}{{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
        {{- if $svc.config }}
        - name: config
          configMap:
            name: {{ $name }}
        {{- end }}
        {{- with include "portal.extraList" (dict "root" $root "svc" $svc "key" "extraVolumes") }}{{ . | trim | nindent 8 }}{{- end }}
{{- end -}}

{{/*
TCP ports of the hosts in a URL, one per line: the explicit port, else the scheme's default.
Args: dict "url" "defaultPort" (used when the URL names no port and is not http or https). Reads
JDBC URLs with several hosts too (jdbc:postgresql://a:5432,b:5433/db).
*/}}
{{- define "portal.urlPorts" -}}
{{- $url := trimPrefix "jdbc:" .url -}}
{{- $scheme := regexReplaceAll "^([a-z][a-z0-9+.-]*)://.*$" $url "${1}" -}}
{{- $authority := regexReplaceAll "^[a-z][a-z0-9+.-]*://([^/?#]*).*$" $url "${1}" -}}
{{- $default := .defaultPort -}}
{{- if eq $scheme "https" }}{{ $default = 443 }}{{ else if eq $scheme "http" }}{{ $default = 80 }}{{ end -}}
{{- range $host := splitList "," $authority }}
{{ if regexMatch ":[0-9]+$" $host }}{{ regexFind "[0-9]+$" $host }}{{ else }}{{ $default }}{{ end }}
{{- end -}}
{{- end -}}
