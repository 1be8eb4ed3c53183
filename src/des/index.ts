export { createSimulation, schedule, nextEvent, run } from "./simulation";
export type { SimEvent, Simulation, RunOptions } from "./simulation";
