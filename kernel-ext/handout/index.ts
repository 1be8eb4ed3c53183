export type { RenderHandoutOptions } from "./render-handout";
export { renderHandout } from "./render-handout";
export type { HandoutCell, HandoutNotebook, HandoutOutput } from "./notebook-shape";
