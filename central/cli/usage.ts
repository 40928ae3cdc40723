export const CENTRAL_USAGE = `Usage: checkpoint-central <command>

The central hub: receives the stations' signed bundles, keeps them in PostgreSQL and answers with signed receipts.
Every command takes --database-url URL (or DATABASE_URL) for a PostgreSQL server; without one the embedded
database (PGlite) in --data-dir is used (default: ./central-data, or CHECKPOINT_CENTRAL_DATA_DIR).

Commands:
  serve [--port N] [--host H] [--max-body BYTES]
                           start the hub; prints {"url", "hubPublicKey", "hubFingerprint", "database"} once it listens
                           (127.0.0.1 and port 8470 by default; --host 0.0.0.0 only behind TLS termination)
  station add --id ID --public-key FILE [--corridor C]
                           register a station's Ed25519 key (PEM, base64 SPKI, or the 64-hex fingerprint the Export
                           screen shows); prints {"stationId", "credential", "hubPublicKey"} — the credential only this once
  station list             print every station: {stationId, fingerprint, corridorId, createdAt, revokedAt}
  station revoke --id ID   refuse the station's credential from now on
  station applied --id ID  what the station reported it did with each package (applied, skipped, refused), newest first
  station rotate-key --id ID --public-key FILE
                           a new key and a new credential for the station (the old credential stops working)
  user add --name N --role R
                           a user of the hub's web UI (R: coordinator, consular, hub-admin); prints {"name", "role",
                           "password"} — the one-time password only this once, hand it over in person
  user list                print every web UI user: {name, role, createdAt, lockedUntil, disabledAt}
  corridor add --file F    register or change a corridor (a chain of checkpoints across countries) from a JSON file
                           {"id", "name", "steps": [{"checkpointId", "country", "direction"}], "legs": [{"expectedMinutes",
                           "maxMinutes"}]} and publish it to the stations (each keeps the stretch it stands on)
  corridor list            print the corridors in service with their steps, legs and version
  ingest <bundle folder or .zip> [...]
                           store bundles carried on a USB stick (the same checks as over HTTP); exit 1 when any is refused
  package publish --kind K --file F [--station ID | --corridor C]
                           sign a file for stations (K: trust-list, rule-profile, station-keys, bus-manifest, group-file),
                           to one station, a corridor's stations, or all; stations fetch it with GET /packages?since=
                           (--kind station-keys without --file: the registry of the stations' keys this hub knows;
                           station add, revoke and rotate-key publish it to all stations by themselves)
  package export --station ID --out DIR [--since N]
                           write the packages for a station that is never online as files (*.cppkg.json) to DIR;
                           its shift lead imports the folder from a USB stick
  stats                    print {"stations", "bundles", "crossings", "rejected"}

Output is JSON on stdout; errors go to stderr with a non-zero exit code (1: refused, 2: unusable input).`;
