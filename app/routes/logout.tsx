import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { logOut } from "~/orgs/accounts.server";

// GET never changes state: visiting /logout only sends you home; the header's button POSTs.
export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login", { headers: { "Set-Cookie": logOut(request) } });
}
