/**
 * How many steps of one wave (tags on one registry, package uploads, repository updates) run at once.
 * At 20–100 ms a request, a release's dozen tags one after another spend most of their time waiting;
 * four at a time hides that wait while staying far below what registries allow one client (Docker Hub
 * counts pulls, not requests, but throttles bursts) and what a 2-core runner hashes and uploads at once
 * (each S3 upload already sends its parts four at a time).
 */
export const STEPS_AT_ONCE = 4;
