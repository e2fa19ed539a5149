#!/usr/bin/env bash
# Adds a migration with the same name to both migration sets (PostgreSQL and SQLite), so they stay in step.
# Usage: scripts/add-migration.sh NameOfTheChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfTheChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/ChampionPortal.Web
for provider in Postgres Sqlite; do
  dotnet dotnet-ef migrations add "$name" --project "$project" --startup-project "$project" \
    --context "${provider}PortalDbContext" --output-dir "Data/Migrations/$provider"
done
