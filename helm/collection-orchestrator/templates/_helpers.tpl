{{- define "co.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "co.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "co.selectorLabels" -}}
app.kubernetes.io/name: {{ include "co.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "co.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "co.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: collection-orchestrator
{{- end }}

{{- define "co.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "co.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The port actuator answers on: the management port when separate, else the HTTP port. */}}
{{- define "co.managementPortName" -}}
{{- if .Values.managementPort }}management{{ else }}http{{ end }}
{{- end }}

{{- define "co.jdbcUrl" -}}
{{- $db := .Values.database -}}
{{- printf "jdbc:postgresql://%s:%d/%s" $db.host (int $db.port) $db.name }}{{ if $db.parameters }}?{{ $db.parameters }}{{ end }}
{{- end }}

{{/* A secretKeyRef env entry: (list "ENV_NAME" $secretRef) where $secretRef has name and key. */}}
{{- define "co.secretEnv" -}}
{{- $env := index . 0 }}{{ $ref := index . 1 -}}
- name: {{ $env }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "a Secret name for %s" $env) $ref.name | quote }}
      key: {{ required (printf "a Secret key for %s" $env) $ref.key | quote }}
{{- end }}

{{/* A probe on the actuator port: (list $ $probeValues). */}}
{{- define "co.probe" -}}
{{- $root := index . 0 }}{{ $p := index . 1 -}}
httpGet:
  path: {{ $p.httpGet.path }}
  port: {{ include "co.managementPortName" $root }}
{{- with (omit $p "httpGet") }}
{{ toYaml . }}
{{- end }}
{{- end }}
