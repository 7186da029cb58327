// The nine English government office regions as GIAS codes them (`GOR (code)`),
// in GIAS order. GIAS spells "the Humber" in lower case; ONS and DfE statistics
// write "The Humber" — we keep the GIAS name because imports match on it.

export type RegionCode = 'A' | 'B' | 'D' | 'E' | 'F' | 'G' | 'H' | 'J' | 'K'

export interface Region {
  code: RegionCode
  name: string
  onsCode: string
  slug: string
}

export const regions = [
  { code: 'A', name: 'North East', onsCode: 'E12000001', slug: 'north-east' },
  { code: 'B', name: 'North West', onsCode: 'E12000002', slug: 'north-west' },
  {
    code: 'D',
    name: 'Yorkshire and the Humber',
    onsCode: 'E12000003',
    slug: 'yorkshire-and-the-humber',
  },
  { code: 'E', name: 'East Midlands', onsCode: 'E12000004', slug: 'east-midlands' },
  { code: 'F', name: 'West Midlands', onsCode: 'E12000005', slug: 'west-midlands' },
  { code: 'G', name: 'East of England', onsCode: 'E12000006', slug: 'east-of-england' },
  { code: 'H', name: 'London', onsCode: 'E12000007', slug: 'london' },
  { code: 'J', name: 'South East', onsCode: 'E12000008', slug: 'south-east' },
  { code: 'K', name: 'South West', onsCode: 'E12000009', slug: 'south-west' },
] as const satisfies readonly Region[]
