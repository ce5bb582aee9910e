import { render } from "solid-js/web";
import { requestPersistence } from "../persist/storage.ts";
import { App } from "./App.tsx";
import "./styles.css";

// Ask once that the browser keep this origin's data under storage pressure; a "no" changes nothing.
void requestPersistence().catch(() => false);

render(() => <App />, document.getElementById("root")!);
