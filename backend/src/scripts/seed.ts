import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CreatePromotionDTO, ExecArgs, Logger, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils";
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRefundReasonsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateProductsWorkflow,
  updateStoresWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows";
import { fileKeyOf, isSeedImage, mimeTypeOf, planProductImages, uploadName } from "./product-images";

/**
 * A small shop with three regions and three currencies, one of them zero-decimal (JPY) so that money handling
 * cannot get away with assuming cents. Safe to run twice: a second run finds the shop and only adds what it lacks
 * (product pictures, promotions) before reporting it.
 *
 * Prices are in major units, as Medusa v2 stores them (15 = €15.00, 2500 = ¥2,500).
 */

const PAYMENT_PROVIDERS = ["pp_stripe_stripe", "pp_system_default"];

const REGIONS = {
  eu: {
    name: "Europe",
    currency_code: "eur",
    countries: ["de", "fr", "it", "es", "nl", "be", "at"],
    tax: { de: 19, fr: 20, it: 22, es: 21, nl: 21, be: 21, at: 20 } as Record<string, number>,
    shipping: { standard: 5, express: 15 },
  },
  us: {
    name: "United States",
    currency_code: "usd",
    countries: ["us"],
    tax: { us: 0 } as Record<string, number>,
    shipping: { standard: 6, express: 18 },
  },
  jp: {
    name: "Japan",
    currency_code: "jpy",
    countries: ["jp"],
    tax: { jp: 10 } as Record<string, number>,
    shipping: { standard: 800, express: 2000 },
  },
} as const;

type RegionKey = keyof typeof REGIONS;

const PRODUCTS = [
  {
    title: "Linen Shirt",
    handle: "linen-shirt",
    images: ["linen-shirt.svg"],
    description: "A breathable shirt in washed European linen. Relaxed fit, mother-of-pearl buttons.",
    sizes: ["S", "M", "L", "XL"],
    prices: { eur: 59, usd: 65, jpy: 8900 },
  },
  {
    title: "Merino Sweater",
    handle: "merino-sweater",
    images: ["merino-sweater.svg"],
    description: "Fine-gauge merino wool, warm without bulk. Machine washable on a wool cycle.",
    sizes: ["S", "M", "L"],
    prices: { eur: 89.5, usd: 99, jpy: 13500 },
  },
  {
    title: "Canvas Tote",
    handle: "canvas-tote",
    images: ["canvas-tote.svg"],
    description: "Heavy cotton canvas with leather handles. Carries a laptop and a week of groceries.",
    sizes: ["One size"],
    prices: { eur: 24, usd: 27, jpy: 3600 },
  },
  {
    title: "Wool Socks",
    handle: "wool-socks",
    images: ["wool-socks.svg"],
    description: "Cushioned socks knitted from recycled wool. Sold as a pair.",
    sizes: ["36-40", "41-46"],
    prices: { eur: 12.95, usd: 14, jpy: 1900 },
  },
] as const;

/** Drawings made for this shop (see backend/seed-images/README.md); the first of a product's is its thumbnail. */
const SEED_IMAGES_DIR = path.resolve(__dirname, "..", "..", "seed-images");

/**
 * Promotion codes a shopper can type at the cart. Medusa keeps one currency per promotion
 * (`application_method.currency_code`) and codes are unique, so a fixed amount off is one code per currency; a
 * promotion whose currency is not the cart's is skipped silently. Amounts are taken off before tax, like the prices
 * they apply to. Target "order" discounts the items only: Medusa applies it across the line items, never to
 * delivery, so FREEORDER leaves delivery to pay and only FREEORDER together with FREESHIP makes a cart free.
 */
const PROMOTIONS = {
  percentage: { code: "WELCOME10", percent: 10 },
  fixed: {
    eur: { code: "SAVE5EUR", amount: 5 },
    usd: { code: "SAVE5USD", amount: 5 },
    jpy: { code: "SAVE700JPY", amount: 700 },
  },
  freeShipping: { code: "FREESHIP" },
  expired: { code: "EXPIRED20", percent: 20 },
  free: { code: "FREEORDER" },
} as const;

/** A campaign that ended long ago: its promotion exists, and Medusa no longer applies it. */
const ENDED_CAMPAIGN = {
  name: "Summer sale 2020",
  campaign_identifier: "summer-sale-2020",
  starts_at: new Date("2020-06-01T00:00:00Z"),
  ends_at: new Date("2020-09-01T00:00:00Z"),
};

type PromotionsOutput = {
  percentage: { code: string; percent: number };
  fixed: Record<"eur" | "usd" | "jpy", { code: string; amount: number }>;
  freeShipping: { code: string };
  expired: { code: string; percent: number };
  free: { code: string };
};

// Deep enough that repeated test runs on one local stack never sell out by accident; a test that needs
// a sold-out variant sets its own stock.
const STOCK_PER_VARIANT = 1_000_000;
const SALES_CHANNEL_NAME = "Webshop";
const API_KEY_TITLE = "Webshop storefront";

type SeedOutput = {
  publishableKey: string;
  salesChannelId: string;
  stockLocationId: string;
  regions: Record<RegionKey, { id: string; currency_code: string; countries: string[] }>;
  products: { handle: string; id: string }[];
  refundReasonIds: string[];
  promotions: PromotionsOutput;
};

export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const regionService = container.resolve(Modules.REGION);
  const storeService = container.resolve(Modules.STORE);
  const salesChannelService = container.resolve(Modules.SALES_CHANNEL);
  const fulfillmentService = container.resolve(Modules.FULFILLMENT);
  const apiKeyService = container.resolve(Modules.API_KEY);
  const stockLocationService = container.resolve(Modules.STOCK_LOCATION);
  const paymentService = container.resolve(Modules.PAYMENT);

  const outputFile = process.env.SEED_OUTPUT_FILE;
  const alreadySeeded = (await regionService.listRegions({ name: REGIONS.eu.name })).length > 0;

  if (alreadySeeded) {
    logger.info("The shop is already seeded; reporting it.");
  } else {
    logger.info("Seeding the shop…");
    const [store] = await storeService.listStores();
    if (!store) throw new Error("Medusa created no default store: run `medusa db:setup` first.");

    let [salesChannel] = await salesChannelService.listSalesChannels({ name: SALES_CHANNEL_NAME });
    if (!salesChannel) {
      const { result } = await createSalesChannelsWorkflow(container).run({
        input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: "The Next.js storefront" }] },
      });
      salesChannel = result[0]!;
    }

    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: "Medusa Checkout Demo",
          supported_currencies: [
            { currency_code: "eur", is_default: true },
            { currency_code: "usd" },
            { currency_code: "jpy" },
          ],
          default_sales_channel_id: salesChannel.id,
        },
      },
    });

    const { result: regions } = await createRegionsWorkflow(container).run({
      input: {
        regions: Object.values(REGIONS).map((region) => ({
          name: region.name,
          currency_code: region.currency_code,
          countries: [...region.countries],
          payment_providers: PAYMENT_PROVIDERS,
          automatic_taxes: true,
        })),
      },
    });
    const regionIdByCurrency = new Map(regions.map((region) => [region.currency_code, region.id]));

    await updateStoresWorkflow(container).run({
      input: { selector: { id: store.id }, update: { default_region_id: regionIdByCurrency.get("eur") } },
    });

    await createTaxRegionsWorkflow(container).run({
      input: Object.values(REGIONS).flatMap((region) =>
        region.countries.map((country) => ({
          country_code: country,
          provider_id: "tp_system",
          default_tax_rate: {
            name: `${country.toUpperCase()} VAT`,
            code: `${country}-standard`,
            rate: region.tax[country] ?? 0,
          },
        })),
      ),
    });

    const { result: stockLocations } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [{ name: "Main warehouse", address: { address_1: "Lagerstraße 1", city: "Hamburg", country_code: "DE" } }],
      },
    });
    const stockLocation = stockLocations[0]!;
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    });

    let [shippingProfile] = await fulfillmentService.listShippingProfiles({ type: "default" });
    if (!shippingProfile) {
      const { result } = await createShippingProfilesWorkflow(container).run({
        input: { data: [{ name: "Default shipping profile", type: "default" }] },
      });
      shippingProfile = result[0]!;
    }

    const fulfillmentSet = await fulfillmentService.createFulfillmentSets({
      name: "Main warehouse delivery",
      type: "shipping",
      service_zones: Object.values(REGIONS).map((region) => ({
        name: region.name,
        geo_zones: region.countries.map((country) => ({ type: "country" as const, country_code: country })),
      })),
    });
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    });

    await createShippingOptionsWorkflow(container).run({
      input: Object.values(REGIONS).flatMap((region) => {
        const serviceZone = fulfillmentSet.service_zones.find((zone) => zone.name === region.name)!;
        const regionId = regionIdByCurrency.get(region.currency_code)!;
        return (["standard", "express"] as const).map((speed) => ({
          name: speed === "standard" ? "Standard delivery" : "Express delivery",
          price_type: "flat" as const,
          provider_id: "manual_manual",
          service_zone_id: serviceZone.id,
          shipping_profile_id: shippingProfile.id,
          type: {
            label: speed === "standard" ? "Standard" : "Express",
            description: speed === "standard" ? "Arrives in 3–5 business days." : "Arrives in 1–2 business days.",
            code: speed,
          },
          prices: [
            { currency_code: region.currency_code, amount: region.shipping[speed] },
            { region_id: regionId, amount: region.shipping[speed] },
          ],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
            { attribute: "is_return", value: "false", operator: "eq" as const },
          ],
        }));
      }),
    });

    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: stockLocation.id, add: [salesChannel.id] },
    });

    const {
      result: [apiKey],
    } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    });
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey!.id, add: [salesChannel.id] },
    });

    await createProductsWorkflow(container).run({
      input: {
        products: PRODUCTS.map((product) => ({
          title: product.title,
          handle: product.handle,
          description: product.description,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfile.id,
          options: [{ title: "Size", values: [...product.sizes] }],
          variants: product.sizes.map((size) => ({
            title: size,
            sku: `${product.handle}-${size}`.toUpperCase().replace(/[^A-Z0-9]+/g, "-"),
            options: { Size: size },
            manage_inventory: true,
            prices: Object.entries(product.prices).map(([currency_code, amount]) => ({ currency_code, amount })),
          })),
          sales_channels: [{ id: salesChannel.id }],
        })),
      },
    });

    const { data: inventoryItems } = await query.graph({ entity: "inventory_item", fields: ["id"] });
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: inventoryItems.map((item) => ({
          location_id: stockLocation.id,
          inventory_item_id: item.id,
          stocked_quantity: STOCK_PER_VARIANT,
        })),
      },
    });

    await createRefundReasonsWorkflow(container).run({
      input: {
        data: [
          { label: "Goodwill", code: "goodwill", description: "A gesture towards the customer." },
          { label: "Damaged item", code: "damaged", description: "The item arrived damaged." },
        ],
      },
    });
    logger.info("Seeded.");
  }

  await ensureProductImages(container, logger);
  await ensurePromotions(container);

  if (!outputFile) return;

  const [salesChannel] = await salesChannelService.listSalesChannels({ name: SALES_CHANNEL_NAME });
  const [apiKey] = await apiKeyService.listApiKeys({ title: API_KEY_TITLE, type: "publishable" });
  const [stockLocation] = await stockLocationService.listStockLocations({ name: "Main warehouse" });
  const regions = await regionService.listRegions({}, { relations: ["countries"] });
  const { data: products } = await query.graph({ entity: "product", fields: ["id", "handle"] });
  const refundReasons = await paymentService.listRefundReasons({});
  if (!salesChannel || !apiKey || !stockLocation) throw new Error("The shop is only partly seeded: run `npm run backend:reset`.");

  const regionFor = (key: RegionKey) => {
    const region = regions.find((candidate) => candidate.name === REGIONS[key].name);
    if (!region) throw new Error(`Region ${REGIONS[key].name} is missing: run \`npm run backend:reset\`.`);
    return {
      id: region.id,
      currency_code: region.currency_code,
      countries: (region.countries ?? []).map((country) => country.iso_2),
    };
  };

  const output: SeedOutput = {
    publishableKey: apiKey.token,
    salesChannelId: salesChannel.id,
    stockLocationId: stockLocation.id,
    regions: { eu: regionFor("eu"), us: regionFor("us"), jp: regionFor("jp") },
    products: products.map((product) => ({ handle: product.handle, id: product.id })),
    refundReasonIds: refundReasons.map((reason) => reason.id),
    promotions: PROMOTIONS,
  };
  writeFileSync(outputFile, `${JSON.stringify(output, null, 2)}\n`);
  logger.info(`Wrote ${outputFile}`);
}

/**
 * Uploads each product's drawings through Medusa's file module (the workflow Medusa Admin's uploads use) and sets
 * them as the product's images and thumbnail — unless the product already shows them, or shows pictures someone
 * else put there. Runs on every seed, so a shop seeded before it had pictures gets them on the next one.
 */
async function ensureProductImages(container: MedusaContainer, logger: Logger): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const fileService = container.resolve(Modules.FILE);
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "thumbnail", "images.url", "images.rank"],
    filters: { handle: PRODUCTS.map((product) => product.handle) },
  });

  const uploads: { productId: string; files: { filename: string; mimeType: string; content: string }[] }[] = [];
  for (const seeded of PRODUCTS) {
    const product = products.find((candidate) => candidate.handle === seeded.handle);
    if (!product) continue;
    const drawings = seeded.images.map((file) => {
      const content = readFileSync(path.join(SEED_IMAGES_DIR, file));
      return { filename: uploadName(file, content), mimeType: mimeTypeOf(file), content: content.toString("base64") };
    });
    const images = [...(product.images ?? [])].sort((a, b) => (a?.rank ?? 0) - (b?.rank ?? 0)).map((image) => image?.url ?? "");
    // A file counts only if the file module still serves it at the URL the product holds: the file may be gone, or
    // the server may have moved to another URL since it was uploaded.
    const served = new Set<string>();
    for (const url of images.filter(isSeedImage)) {
      const file = await fileService.retrieveFile(fileKeyOf(url)).catch(() => null);
      if (file?.url === url) served.add(url);
    }
    const plan = planProductImages(images, product.thumbnail, drawings.map((drawing) => drawing.filename), served);
    if (plan.action === "leave") logger.info(`Leaving ${seeded.handle}'s pictures as they are: ${plan.reason}.`);
    if (plan.action === "upload") uploads.push({ productId: product.id, files: drawings });
  }
  if (uploads.length === 0) return;

  const { result: files } = await uploadFilesWorkflow(container).run({
    input: { files: uploads.flatMap((upload) => upload.files.map((file) => ({ ...file, access: "public" as const }))) },
  });
  let next = 0;
  await updateProductsWorkflow(container).run({
    input: {
      products: uploads.map((upload) => {
        const urls = upload.files.map(() => files[next++]!.url);
        return { id: upload.productId, thumbnail: urls[0]!, images: urls.map((url) => ({ url })) };
      }),
    },
  });
  logger.info(`Gave ${uploads.length} product(s) their pictures.`);
}

/**
 * Creates the promotions that are missing, by code, so a database seeded before they existed gets them on the next
 * run and a second run creates nothing.
 */
async function ensurePromotions(container: ExecArgs["container"]): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const promotionService = container.resolve(Modules.PROMOTION);
  const wanted: CreatePromotionDTO[] = [
    {
      code: PROMOTIONS.percentage.code,
      type: "standard",
      status: "active",
      application_method: { type: "percentage", target_type: "order", value: PROMOTIONS.percentage.percent },
    },
    ...(["eur", "usd", "jpy"] as const).map(
      (currency): CreatePromotionDTO => ({
        code: PROMOTIONS.fixed[currency].code,
        type: "standard",
        status: "active",
        application_method: {
          type: "fixed",
          target_type: "order",
          value: PROMOTIONS.fixed[currency].amount,
          currency_code: currency,
        },
      }),
    ),
    {
      code: PROMOTIONS.freeShipping.code,
      type: "standard",
      status: "active",
      application_method: { type: "percentage", target_type: "shipping_methods", allocation: "across", value: 100 },
    },
    {
      code: PROMOTIONS.free.code,
      type: "standard",
      status: "active",
      application_method: { type: "percentage", target_type: "order", value: 100 },
    },
  ];
  const existing = new Set(
    (await promotionService.listPromotions({ code: [...wanted.map((p) => p.code), PROMOTIONS.expired.code] })).map(
      (promotion) => promotion.code,
    ),
  );
  const missing = wanted.filter((promotion) => !existing.has(promotion.code));
  if (!existing.has(PROMOTIONS.expired.code)) {
    const [campaign] = await promotionService.listCampaigns({ campaign_identifier: [ENDED_CAMPAIGN.campaign_identifier] });
    missing.push({
      code: PROMOTIONS.expired.code,
      type: "standard",
      status: "active",
      application_method: { type: "percentage", target_type: "order", value: PROMOTIONS.expired.percent },
      ...(campaign ? { campaign_id: campaign.id } : { campaign: ENDED_CAMPAIGN }),
    });
  }
  if (missing.length === 0) return;
  await createPromotionsWorkflow(container).run({ input: { promotionsData: missing } });
  logger.info(`Created promotions ${missing.map((promotion) => promotion.code).join(", ")}.`);
}
