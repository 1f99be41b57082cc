import { render } from "preact";
import { App } from "./App";
import "./styles/app.scss";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
render(<App />, document.getElementById("app")!);
