/** An annual failure rate reported by a study of real fleets. */
export interface PublishedFailureRate {
  /** What failed, and where. */
  label: string;
  /** Annual failure (or replacement) rate, as a fraction. */
  afr: number;
  /** The source, to cite next to any figure that uses it. */
  source: string;
}

/** Annual failure rates from field studies (see REFERENCES: "Failure rates"). */
export const PUBLISHED_FAILURE_RATES: readonly PublishedFailureRate[] = [
  { label: "disk datasheets (upper bound)", afr: 0.0088, source: "Schroeder & Gibson, FAST 2007" },
  { label: "Backblaze disks, 2025", afr: 0.0136, source: "Backblaze Drive Stats 2025" },
  { label: "Google disks, first year", afr: 0.017, source: "Pinheiro, Weber & Barroso, FAST 2007" },
  { label: "servers, new cluster (2-4%)", afr: 0.03, source: "Dean, LADIS 2009 keynote" },
  { label: "disks replaced in the field", afr: 0.0301, source: "Schroeder & Gibson, FAST 2007 (weighted average)" },
  { label: "Google disks, third year", afr: 0.086, source: "Pinheiro, Weber & Barroso, FAST 2007" },
  { label: "HDFS nodes at Yahoo (0.8%/month)", afr: 1 - Math.pow(1 - 0.008, 12), source: "Shvachko et al., MSST 2010" },
];
