export const id = 10;
export const ids = [10];
export const modules = {

/***/ 79010:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DockerDriver: () => (/* binding */ DockerDriver)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/image-drivers/private-docker-config.js



/**
 * Writes the docker client config the driver logs in with: the job's own (so logins it made for
 * mirrors still work), without `credsStore` and `credHelpers`. With either, `docker login` hands the
 * password to a credential helper — the OS keychain of a self-hosted runner — where it outlives the run;
 * without them it stays in this file, which the driver removes when it closes.
 */
async function writePrivateDockerConfig(dir, env = process.env) {
    const own = (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
    let config = {};
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(own, 'utf8'));
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
            config = parsed;
        }
    }
    catch {
        // No config of the job's own (or one docker could not read either): start empty.
    }
    const { credsStore: _store, credHelpers: _helpers, ...kept } = config;
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), JSON.stringify(kept), { mode: 0o600 });
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(81260);
;// CONCATENATED MODULE: ./lib/image-drivers/docker-cli.js

/** Runs the docker CLI through @actions/exec, quietly: the driver decides what reaches the log. */
const runDocker = async (args, stdin) => {
    try {
        return await (0,exec/* getExecOutput */.H)('docker', [...args], {
            ignoreReturnCode: true,
            silent: true,
            ...(stdin === undefined ? {} : { input: Buffer.from(stdin) }),
        });
    }
    catch (error) {
        // @actions/exec throws when the binary itself cannot be found.
        return { exitCode: 127, stdout: '', stderr: error instanceof Error ? error.message : String(error) };
    }
};

;// CONCATENATED MODULE: ./lib/image-drivers/docker-driver.js






/** `docker push` ends with `<tag>: digest: sha256:… size: N`. */
const PUSHED_DIGEST = /digest: (sha256:[a-f0-9]{64})/;
/** Publishes images that live in the local docker daemon: `docker tag` + `docker push`. */
class DockerDriver {
    logger;
    docker;
    name = 'docker';
    /** A client config of our own once we log in (see login). */
    configDir;
    constructor(logger, docker = runDocker) {
        this.logger = logger;
        this.docker = docker;
    }
    async checkSources(sources) {
        // One inspect for all sources: each docker call costs a CLI start, and the daemon answers for all.
        const unique = [...new Set(sources)];
        const all = await this.run(['image', 'inspect', '--format', '{{.Id}}', ...unique]);
        if (all.exitCode === 0)
            return { missing: [] };
        const daemon = await this.run(['version', '--format', '{{.Server.Version}}']);
        if (daemon.exitCode !== 0)
            return { unavailable: lastLine(daemon), missing: [] };
        const missing = [];
        for (const source of unique) {
            const inspect = await this.run(['image', 'inspect', '--format', '{{.Id}}', source]);
            if (inspect.exitCode !== 0)
                missing.push(source);
        }
        return { missing };
    }
    async login(registry, credentials) {
        // Our own client config: the credentials live only as long as this run (a self-hosted runner keeps
        // no token), and the workflow's own config stays untouched (see writePrivateDockerConfig).
        if (this.configDir === undefined) {
            this.configDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'falco-publish-docker-'));
            await writePrivateDockerConfig(this.configDir);
        }
        // The password goes through stdin only, never the command line (which `ps` and logs can show).
        const result = await this.run(['login', registry, '--username', credentials.username, '--password-stdin'], credentials.password);
        if (result.exitCode !== 0) {
            throw new errors/* UserError */.y('registry-username', `docker login to ${registry} failed: ${lastLine(result)}`, 'check registry-username and registry-password');
        }
        this.logger.info(`logged in to ${registry} as ${credentials.username}`);
    }
    /** `docker push` says nothing of whether the tag had the digest already: `changed` is left to the caller. */
    async push(source, target) {
        await this.must(['tag', source, target], target, `docker tag ${source}`);
        const result = await this.must(['push', target], target, 'docker push');
        const digest = PUSHED_DIGEST.exec(result.stdout)?.[1];
        if (!digest) {
            throw new errors/* UserError */.y(target, 'docker push printed no digest, so the push cannot be verified', 'check the docker client and the registry, then run again');
        }
        return { digest };
    }
    async close() {
        if (this.configDir)
            await (0,promises_.rm)(this.configDir, { recursive: true, force: true });
        this.configDir = undefined;
    }
    run(args, stdin) {
        return this.docker(this.configDir ? ['--config', this.configDir, ...args] : args, stdin);
    }
    async must(args, subject, doing) {
        this.logger.debug(`docker ${args.join(' ')}`);
        const result = await this.run(args);
        if (result.exitCode !== 0) {
            throw new errors/* UserError */.y(subject, `${doing} failed: ${lastLine(result)}`, 'check the registry and the credentials');
        }
        return result;
    }
}
/** Docker puts what went wrong on the last line it prints. */
function lastLine(result) {
    const text = (result.stderr.trim() || result.stdout.trim()).split('\n').filter(Boolean);
    return text.at(-1) ?? `exit code ${result.exitCode}`;
}


/***/ })

};
