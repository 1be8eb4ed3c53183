/** An annual failure rate reported by a study of real fleets. */
export interface PublishedFailureRate {
  /** What failed, and where. */
  label: string;
  /** What one unit of the rate is: a rate per disk is not a rate per node (a server holds several disks). */
  unit: "disk" | "server" | "node";
  /** Annual failure rate: failures per unit-year, as a fraction (0.0301 for 3.01%). */
  afr: number;
  /** Short source, for a legend or a table column. */
  source: string;
  /** Full citation, to print under any figure that uses the rate. */
  citation: string;
}

const SCHROEDER = "B. Schroeder, G. A. Gibson. Disk failures in the real world: what does an MTTF of 1,000,000 hours mean to you? USENIX FAST 2007.";
const PINHEIRO = "E. Pinheiro, W.-D. Weber, L. A. Barroso. Failure trends in a large disk drive population. USENIX FAST 2007.";
const BACKBLAZE = "Backblaze Drive Stats for 2025: fleet annualized failure rate 1.36% (AFR = failures / (drive-days / 365)).";
const DEAN = "J. Dean. Designs, lessons and advice from building large distributed systems. Keynote, LADIS 2009.";
const SHVACHKO = "K. Shvachko, H. Kuang, S. Radia, R. Chansler. The Hadoop Distributed File System. IEEE MSST 2010.";

/**
 * Annual failure rates from field studies (REFERENCES.md, "Failure rates"), lowest first.
 * Each is a fleet average: real failures cluster in time and vary with age, which an
 * independent, constant-rate model cannot show (Schroeder & Gibson; Ford et al., OSDI 2010).
 */
export const PUBLISHED_FAILURE_RATES: readonly PublishedFailureRate[] = [
  { label: "disk datasheets (upper bound)", unit: "disk", afr: 0.0088, source: "Schroeder & Gibson, FAST 2007", citation: SCHROEDER },
  { label: "Backblaze disks, 2025", unit: "disk", afr: 0.0136, source: "Backblaze Drive Stats 2025", citation: BACKBLAZE },
  { label: "Google disks, first year", unit: "disk", afr: 0.017, source: "Pinheiro, Weber & Barroso, FAST 2007", citation: PINHEIRO },
  { label: "servers, new cluster (2%, low end)", unit: "server", afr: 0.02, source: "Dean, LADIS 2009", citation: DEAN },
  { label: "disks replaced in the field (weighted average)", unit: "disk", afr: 0.0301, source: "Schroeder & Gibson, FAST 2007", citation: SCHROEDER },
  { label: "servers, new cluster (4%, high end)", unit: "server", afr: 0.04, source: "Dean, LADIS 2009", citation: DEAN },
  { label: "Google disks, third year", unit: "disk", afr: 0.086, source: "Pinheiro, Weber & Barroso, FAST 2007", citation: PINHEIRO },
  { label: "HDFS nodes at Yahoo (0.8% a month)", unit: "node", afr: 12 * 0.008, source: "Shvachko et al., MSST 2010", citation: SHVACHKO },
];
