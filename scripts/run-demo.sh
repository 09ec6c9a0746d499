#!/usr/bin/env bash
# `make run`: the daemon and `serve` side by side on the example config, both on the
# same pretended clock. Prints a demo login for http://127.0.0.1:8080; its bcrypt hash
# goes to $STATE/web-users (never into the repository). Ctrl-C stops both.
set -euo pipefail
: "${BIN_DIR:?}" "${CONFIG:?}" "${STATE:?}" "${START:?}"
mkdir -p "$STATE"
chmod 0700 "$STATE"
users="$STATE/web-users"
password="$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 12)"
htpasswd -b -c -B -C 10 "$users" demo "$password" 2>/dev/null
chmod 0600 "$users"
# A copy of the example config that points web.users_file at the demo login.
demo_config="$STATE/demo-config.yaml"
sed '/^web:/,$d' "$CONFIG" > "$demo_config"
config_dir="$(cd "$(dirname "$CONFIG")" && pwd)"
sed -i "s#include: \\[holidays/#include: [$config_dir/holidays/#" "$demo_config"
cat >> "$demo_config" <<YAML
web:
  base_url: http://127.0.0.1:8080
  users_file: $(cd "$STATE" && pwd)/web-users
  secret_env: NHACVIEC_WEB_SECRET
YAML
export NHACVIEC_WEB_SECRET="${NHACVIEC_WEB_SECRET:-$(head -c 24 /dev/urandom | base64)}"
"$BIN_DIR/nhacviec" check -c "$demo_config" >/dev/null

echo "Daemon from $START (pretended clock); emails go to $STATE/outbox."
echo "Office pages: http://127.0.0.1:8080  login: demo  password: $password"
echo "Ctrl-C stops both."
"$BIN_DIR/nhacviec" run -c "$demo_config" --state "$STATE" --now "$START" &
daemon=$!
"$BIN_DIR/nhacviec" serve -c "$demo_config" --state "$STATE" --now "$START" --listen 127.0.0.1:8080 &
web=$!
stop() {
    kill -TERM "$daemon" "$web" 2>/dev/null || true
    wait "$daemon" "$web" 2>/dev/null || true
}
trap stop INT TERM EXIT
wait -n "$daemon" "$web" || true
