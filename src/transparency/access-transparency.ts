import { tableFromRows, type Table } from "../table";
import { decodeIbmSingle, ibmSingle } from "./ibm-hex-float";
import { decodeIeee754Single, ieee754Single } from "./ieee754";

/**
 * Access transparency (course notes 001, "Transparência de Acesso"): the same number in IEEE 754
 * and IBM hexadecimal single precision, field by field, and what a machine reads if it takes
 * the other's bytes at face value. One row per format.
 */
export function compareFloatFormats(value: number): Table {
  const ieee = ieee754Single(value);
  const ibm = ibmSingle(value);
  const field = (e: typeof ieee, name: string) => e.fields.find((f) => f.name === name)!;
  return tableFromRows([
    {
      format: ieee.format,
      hex: ieee.hex,
      sign: field(ieee, "sign").bits,
      exponent: field(ieee, "exponent").bits,
      fraction: field(ieee, "fraction").bits,
      decoded: ieee.decoded,
      misread_as_other: decodeIbmSingle(parseInt(ieee.hex, 16)),
    },
    {
      format: ibm.format,
      hex: ibm.hex,
      sign: field(ibm, "sign").bits,
      exponent: field(ibm, "exponent").bits,
      fraction: field(ibm, "fraction").bits,
      decoded: ibm.decoded,
      misread_as_other: decodeIeee754Single(parseInt(ibm.hex, 16)),
    },
  ]);
}
