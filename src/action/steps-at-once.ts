/**
 * How many steps of one wave (image tags, package uploads, repository updates) run at once. At
 * 20–100 ms a request, a release's dozen tags one after another spend most of their time waiting;
 * eight at a time lets Falco's 4 images go to the main registry and, as each tag lands, to a mirror,
 * while staying far below what registries allow one client (Docker Hub counts pulls, not requests, but
 * throttles bursts; each registry's client still sends at most 16 blob uploads at once). Memory does
 * not grow with it: an S3 store has at most 8 parts in flight over all its uploads (PartSlots), 2 MiB
 * each. 4 at once: a whole release at 50 ms a request took ~0.8 s longer.
 */
export const STEPS_AT_ONCE = 8;
