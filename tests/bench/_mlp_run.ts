import { benchMlp } from "./mlp.ts";

console.log(await benchMlp());
