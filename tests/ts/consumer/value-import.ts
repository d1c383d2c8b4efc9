// A consumer that imports a type-only name as a value: the compiler refuses it (the package's
// JavaScript modules export no value, so this must never reach run time).
import { ServerEvent } from "@rtwire/protocol/realtime/v2";

console.log(ServerEvent);
