#!/usr/bin/env bash
# Stops the Kafka broker this project started. PostgreSQL and Redis are shared
# with the machine and are left running.
set -euo pipefail
bash "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/kafka.sh" stop
