import { describe, expect, it } from "vitest";
import { CellSourceMaps, scriptName, withoutSourceMappingComments } from "../../kernel-ext/kernel/cell-source-maps";

// Maps for a cell "export {};\nconst a = 1;\nthrow a;" (tslab's prefix line first) whose ES module is
// "const a = 1;\nthrow a;" and whose CommonJS adds one header line.
const emitted = JSON.stringify({
  version: 3,
  file: "__tslab__.js",
  sources: ["../__tslab__.ts"],
  names: [],
  mappings: "AACA,MAAM,CAAC,GAAG,CAAC,CAAC;AACZ,MAAM,CAAC,CAAC",
});
const transpiled = JSON.stringify({
  version: 3,
  file: "custom.js",
  sources: ["custom.js"],
  names: [],
  mappings: ";AAAA,MAAM,CAAC,GAAG,CAAC,CAAC;AACZ,MAAM,CAAC,CAAC",
});
const output = 'Object.defineProperty(exports, "__esModule", { value: true });\nconst a = 1;\nthrow a;';

function withCells(): CellSourceMaps {
  const maps = new CellSourceMaps();
  for (const [id, count] of [
    [1, 4],
    [2, 5],
  ]) {
    maps.recordEmittedFile("outDir/__tslab__.js.map", emitted);
    maps.recordEmittedFile("outDir/other.js.map", "{}");
    maps.recordTranspile(output, transpiled);
    maps.startCell(id, output, 28, count);
  }
  return maps;
}

describe("CellSourceMaps", () => {
  it("puts a frame of the running cell on its own line, and a frame of an earlier cell on that cell's, by execution count", () => {
    const maps = withCells();
    expect(maps.rewriteFrame(`    at ${scriptName(2)}:3:1`)).toBe("    at cell:2:1");
    expect(maps.rewriteFrame(`    at Proxy.f (${scriptName(1)}:2:7)`)).toBe("    at f (In[4]:1:7)");
    expect(maps.rewriteStack(`Error: x\n    at ${scriptName(2)}:3:1`)).toBe("Error: x\n    at In[5]:2:1");
  });

  it("leaves other frames alone, and tells the executor's wrapper call from the cell's code", () => {
    const maps = withCells();
    expect(maps.rewriteFrame("    at f (/somewhere/file.js:3:1)")).toBe("    at f (/somewhere/file.js:3:1)");
    expect(maps.rewriteFrame(`    at ${scriptName(99)}:3:1`)).toBe(`    at ${scriptName(99)}:3:1`);
    expect(maps.isWrapperFrame(`    at ${scriptName(2)}:4:3`)).toBe(true);
    expect(maps.isWrapperFrame(`    at ${scriptName(2)}:3:1`)).toBe(false);
  });
});

describe("withoutSourceMappingComments", () => {
  it("drops the source-map comments the conversions append, and nothing else", () => {
    expect(withoutSourceMappingComments("a;\n//# sourceMappingURL=__tslab__.js.map\n//# sourceMappingURL=custom.js.map")).toBe("a;");
    expect(withoutSourceMappingComments("a; // sourceMappingURL is a word\nb;")).toBe("a; // sourceMappingURL is a word\nb;");
  });

  it("maps with the emit's map alone when the emit was CommonJS already (a transpile recorded as unchanged)", () => {
    // The emit's map of "export {};\nconst a = 1;\nthrow a;" with a CommonJS header line first.
    const direct = JSON.stringify({
      version: 3,
      file: "__tslab__.js",
      sources: ["../__tslab__.ts"],
      names: [],
      mappings: ";AACA,MAAM,CAAC,GAAG,CAAC,CAAC;AACZ,MAAM,CAAC,CAAC",
    });
    const maps = new CellSourceMaps();
    maps.recordEmittedFile("outDir/__tslab__.js.map", direct);
    maps.recordTranspile(output, null);
    maps.startCell(1, output, 28, 7);
    expect(maps.rewriteFrame(`    at ${scriptName(1)}:3:1`)).toBe("    at cell:2:1");
    expect(maps.rewriteFrame(`    at ${scriptName(1)}:2:7`)).toBe("    at cell:1:7");
  });

  it("says (compiled) when the cell's transpile was not recorded at all", () => {
    const maps = new CellSourceMaps();
    maps.recordEmittedFile("outDir/__tslab__.js.map", emitted);
    maps.startCell(1, output, 28, 7);
    expect(maps.rewriteFrame(`    at ${scriptName(1)}:3:1`)).toBe("    at cell (compiled):3:1");
  });
});
