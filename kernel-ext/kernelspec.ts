import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deflateSync } from "node:zlib";
import { dataDirFor, type InstallScope } from "./jupyter-paths";
import { packageRoot } from "./package-root";

/** The kernelspec's name, what notebooks put in metadata.kernelspec.name. */
export const KERNEL_NAME = "dslab";

/**
 * kernel.json for the dslab kernel. On POSIX systems it runs bin/dslab-kernel, a shell script
 * that starts the kernel straight from its start-up snapshot when this Node.js (DSLAB_NODE)
 * built it, and otherwise hands over to bin/dslab.js's launcher; elsewhere (Windows) this
 * Node.js runs that launcher itself, which starts from the snapshot when it can, else without
 * it, saying so on stderr. Either way, upgrading Node.js makes the kernel slower to start until
 * the next build, never broken (see snapshot/launch-kernel.ts). Node.js options go right after
 * argv[0] in both forms.
 */
export function kernelJson(viaScript = process.platform !== "win32"): Record<string, unknown> {
  const root = packageRoot();
  const command = viaScript ? [resolve(root, "bin", "dslab-kernel")] : [process.execPath, resolve(root, "bin", "dslab.js")];
  return {
    argv: [...command, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (dslab)",
    language: "typescript",
    interrupt_mode: "message",
    // Node.js options in NODE_OPTIONS (a V8 one such as --max-old-space-size would make Node.js
    // refuse the snapshot) would keep every kernel from using it.
    env: viaScript ? { NODE_OPTIONS: "", DSLAB_NODE: process.execPath } : { NODE_OPTIONS: "" },
    metadata: { debugger: false },
  };
}

/**
 * Whether bin/dslab-kernel can be the kernelspec's command: not on Windows, and only if it is
 * executable (made so here if a copy lost its mode and the folder is writable).
 */
function scriptLauncherUsable(): boolean {
  if (process.platform === "win32") return false;
  const script = resolve(packageRoot(), "bin", "dslab-kernel");
  try {
    if ((statSync(script).mode & 0o111) !== 0o111) chmodSync(script, 0o755);
    accessSync(script, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes the kernelspec into DATA_DIR/kernels/dslab/ for the scope; returns the directory. */
export function installKernelspec(scope: InstallScope): string {
  const dir = join(dataDirFor(scope), "kernels", KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "kernel.json"), `${JSON.stringify(kernelJson(scriptLauncherUsable()), null, 2)}\n`);
  for (const size of [32, 64]) {
    const logo = join(packageRoot(), "kernel-ext", "assets", `logo-${size}x${size}.png`);
    if (existsSync(logo)) copyFileSync(logo, join(dir, `logo-${size}x${size}.png`));
    else writeFileSync(join(dir, `logo-${size}x${size}.png`), logoPng(size));
  }
  return dir;
}

/**
 * The dslab logo as a PNG: a ring of eight nodes on a dark blue square, drawn pixel by pixel
 * so that the kernelspec needs no image files or tools.
 */
export function logoPng(size: number): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  const c = (size - 1) / 2;
  const ringRadius = size * 0.32;
  const nodes = Array.from({ length: 8 }, (_, i) => [c + ringRadius * Math.cos((i * Math.PI) / 4), c + ringRadius * Math.sin((i * Math.PI) / 4)]);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const onRing = Math.abs(d - ringRadius) < size * 0.03;
      const onNode = nodes.some(([nx, ny]) => Math.hypot(x - nx, y - ny) < size * 0.08);
      const color = onNode ? [230, 159, 0] : onRing ? [86, 180, 233] : [0, 45, 98];
      rgba.set([...color, 255], (y * size + x) * 4);
    }
  }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
