import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { cache } from "react";
import { getConfig } from "./config";
import { readCountryCookie } from "./cookies";
import { medusa } from "./medusa";

/** The shopper's country decides the region, and the region decides currency, prices and taxes. */

export interface CountryChoice {
  code: string;
  name: string;
  regionId: string;
  currencyCode: string;
}

// Regions change when a merchant edits them, not per shopper: every page needs them (header,
// prices), so keep them in memory for a few minutes instead of asking the backend on each render.
const REGIONS_TTL_MS = 5 * 60 * 1000;
let regionsMemo: { fetchedAt: number; regions: Promise<HttpTypes.StoreRegion[]> } | null = null;

export const getRegions = cache(async (): Promise<HttpTypes.StoreRegion[]> => {
  if (!regionsMemo || Date.now() - regionsMemo.fetchedAt > REGIONS_TTL_MS) {
    const regions = medusa()
      .store.region.list({ fields: "id,name,currency_code,*countries", limit: 50 })
      .then((response) => response.regions);
    // A failed fetch must not be remembered: the next render asks again.
    regions.catch(() => {
      regionsMemo = null;
    });
    regionsMemo = { fetchedAt: Date.now(), regions };
  }
  return regionsMemo.regions;
});

/** Every country the store sells to, by name, each with the region that serves it. */
export const getCountryChoices = cache(async (): Promise<CountryChoice[]> => {
  const regions = await getRegions();
  return regions
    .flatMap((region) =>
      (region.countries ?? []).flatMap((country) =>
        country.iso_2
          ? [
              {
                code: country.iso_2,
                name: country.display_name ?? country.name ?? country.iso_2.toUpperCase(),
                regionId: region.id,
                currencyCode: region.currency_code,
              },
            ]
          : [],
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
});

/** The country from the shopper's cookie if the store serves it, else DEFAULT_COUNTRY. */
export const getCurrentCountry = cache(async (): Promise<CountryChoice> => {
  const choices = await getCountryChoices();
  const wanted = await readCountryCookie();
  const fallback = getConfig().defaultCountry;
  const current =
    choices.find((choice) => choice.code === wanted) ?? choices.find((choice) => choice.code === fallback);
  if (!current) {
    throw new Error(
      `DEFAULT_COUNTRY "${fallback}" is not in any region of the backend; regions serve: ${choices.map((c) => c.code).join(", ")}`,
    );
  }
  return current;
});
