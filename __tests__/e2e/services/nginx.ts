import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, spawnDaemon, waitForDaemon, type Started } from './process.js';
import { freePort } from './ports.js';

/** How the server lists folders: WebDAV PROPFIND (the dav-ext module) or nginx's own JSON autoindex. */
export type NginxListing = 'propfind' | 'autoindex';

export interface NginxOptions {
  /** The one account that may write (HTTP Basic, from an htpasswd file); reads need none, as on a download server. */
  readonly user: { readonly username: string; readonly password: string };
  readonly listing: NginxListing;
}

export interface Nginx extends Started {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The document root: what a URL path names is the file at the same path under it. */
  readonly root: string;
  readonly accessLog: string;
}

const DAV_EXT_MODULE = '/usr/lib/nginx/modules/ngx_http_dav_ext_module.so';
const INSTALL = 'apt-get install -y --no-install-recommends nginx libnginx-mod-http-dav-ext apache2-utils';
const START_ATTEMPTS = 3;

/**
 * The configuration: WebDAV PUT, DELETE and MKCOL with `create_full_put_path on` everywhere; Basic auth
 * for every method but GET and HEAD (anyone downloads, one account deploys); `/readonly/` refuses
 * every write (403) whoever asks. Everything nginx writes (temp files, logs, pid) stays in `dir`.
 */
function nginxConf(dir: string, port: number, listing: NginxListing): string {
  const temp = (name: string): string => join(dir, 'temp', name);
  return [
    ...(listing === 'propfind' ? [`load_module ${DAV_EXT_MODULE};`] : []),
    // As root the workers would otherwise run as nobody, who cannot write the test's document root.
    'user root;',
    'worker_processes 1;',
    'daemon off;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} info;`,
    'events { worker_connections 256; }',
    'http {',
    `  access_log ${join(dir, 'access.log')};`,
    `  client_body_temp_path ${temp('body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    '  client_max_body_size 0;',
    '  default_type application/octet-stream;',
    '  server {',
    `    listen 127.0.0.1:${port};`,
    `    root ${join(dir, 'www')};`,
    '    location / {',
    '      dav_methods PUT DELETE MKCOL;',
    '      create_full_put_path on;',
    '      dav_access user:rw group:r all:r;',
    ...(listing === 'propfind'
      ? ['      dav_ext_methods PROPFIND OPTIONS;']
      : ['      autoindex on;', '      autoindex_format json;']),
    '      limit_except GET HEAD {',
    '        auth_basic "falco packages";',
    `        auth_basic_user_file ${join(dir, 'htpasswd')};`,
    '      }',
    '    }',
    '    location /readonly/ {',
    '      dav_methods PUT DELETE MKCOL;',
    '      limit_except GET HEAD { deny all; }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Answers any request at all (the status does not matter: nginx is up). */
function answers(origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${origin}/`, { method: 'HEAD' }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * Starts nginx on 127.0.0.1 with its configuration, pid, logs, temp files and document root in a
 * fresh temporary directory; `stop` ends it by its PID and removes the directory.
 */
export async function startNginx(options: NginxOptions): Promise<Nginx> {
  if (!existsSync('/usr/sbin/nginx') || !existsSync('/usr/bin/htpasswd')) {
    throw new Error(`nginx or htpasswd is missing: ${INSTALL}`);
  }
  if (options.listing === 'propfind' && !existsSync(DAV_EXT_MODULE)) {
    throw new Error(`nginx's dav-ext module is missing: ${INSTALL}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'nginx-'));
  for (const sub of ['www', 'temp']) await mkdir(join(dir, sub));
  // apr1 (MD5) is one of the formats nginx reads itself; the password goes on stdin, not the command line.
  await run('htpasswd', ['-i', '-c', '-m', join(dir, 'htpasswd'), options.user.username], {
    input: options.user.password,
  });
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await freePort();
    const conf = join(dir, 'nginx.conf');
    await writeFile(conf, nginxConf(dir, port, options.listing));
    const daemon = await spawnDaemon(
      '/usr/sbin/nginx',
      ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf],
      {
        dir,
        name: `nginx-${attempt}`,
      },
    );
    const origin = `http://127.0.0.1:${port}`;
    try {
      await waitForDaemon(daemon, () => answers(origin), `nginx on ${origin}`, { port });
    } catch (error) {
      lastError = error;
      await daemon.stop();
      continue;
    }
    return {
      pid: daemon.pid,
      origin,
      root: join(dir, 'www'),
      accessLog: join(dir, 'access.log'),
      async stop() {
        await daemon.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
