/** An OCI content descriptor: what a manifest says about a blob or a child manifest. */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Platform;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface Platform {
  readonly architecture: string;
  readonly os: string;
  readonly variant?: string;
}
