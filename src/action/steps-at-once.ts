/**
 * How many steps of one wave (tags on one registry, package uploads, repository updates) run at once.
 * At 20–100 ms a request, a release's dozen tags one after another spend most of their time waiting;
 * four at a time hides that wait while staying far below what registries allow one client (Docker Hub
 * counts pulls, not requests, but throttles bursts) and what a 2-core runner hashes and uploads at once:
 * an S3 upload holds two 8 MiB parts in flight, so four large packages at once add at most 64 MiB.
 */
export const STEPS_AT_ONCE = 4;
