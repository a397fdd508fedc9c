// Stands in for `next/headers` when integration tests run the storefront's own server code outside a Next.js request:
// it answers as a request without cookies would, a guest whose cart ids the tests pass explicitly. Writing a cookie
// has no request to go to, so it throws.
const noCookies = {
  get: () => undefined,
  getAll: () => [],
  has: () => false,
  set: () => {
    throw new Error("an integration test tried to set a cookie outside a request");
  },
  delete: () => {
    throw new Error("an integration test tried to delete a cookie outside a request");
  },
};

export async function cookies() {
  return noCookies;
}

export async function headers() {
  return new Headers();
}
