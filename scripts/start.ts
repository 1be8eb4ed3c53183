// `npm start`: after the build, print the headline results of chapters 01–03.
import { printHeadlineResults } from "./headline-results";

printHeadlineResults();
