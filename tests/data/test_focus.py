"""FOCUS invariants of the Week 5 bill (data/focus_bill.csv), one test per repaired defect.

Each rule is the FOCUS 1.2 specification's (FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec,
specification/columns/*.md) or a physical fact the bill must respect; the comments name the
column file. Negative controls show that each check fails on a bill with the defect put back.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from datagen.finops import VAT_RATE
from workbook import data

REPO = Path(__file__).resolve().parents[2]
KEY = json.loads((REPO / "tests" / "keys" / "focus_bill.json").read_text(encoding="utf-8"))
POOLS = {"Node Group", "Node Pool", "Virtual Machine Scale Set"}  # one row bills all the nodes of a pool


@pytest.fixture(scope="module")
def bill():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(REPO / "data"))
    try:
        yield data.load("focus_bill")
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def capacity():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(REPO / "data"))
    try:
        yield data.load("cluster_capacity")
    finally:
        mp.undo()


# --- the checks, as functions so the negative controls can run them on a damaged bill

def instance_hours_over_a_day(bill: pd.DataFrame) -> pd.Series:
    """Hours billed per single-instance resource and day (net of corrections) above 24."""
    hours = bill[bill["ChargeCategory"].eq("Usage") & bill["PricingUnit"].eq("Hours") & ~bill["ResourceType"].isin(POOLS)]
    per_day = hours.groupby(["ResourceId", hours["ChargePeriodStart"].dt.strftime("%Y-%m-%d")])["PricingQuantity"].sum()
    return per_day[per_day > 24 + 1e-9]


def commitment_purchases_not_standard(bill: pd.DataFrame) -> pd.DataFrame:
    """pricingcategory.md: "Committed" only when the charge is subject to an existing commitment discount
    and is not its purchase; the purchase itself is priced at the agreed rate ("Standard")."""
    buy = bill[bill["ChargeCategory"].eq("Purchase") & bill["CommitmentDiscountId"].notna()]
    return buy[buy["PricingCategory"].ne("Standard")]


def unpriced_usage_or_purchase(bill: pd.DataFrame) -> pd.DataFrame:
    """pricingquantity.md, listunitprice.md, contractedunitprice.md: not null when ChargeCategory is Usage
    or Purchase and ChargeClass is not Correction."""
    rows = bill[bill["ChargeCategory"].isin(["Usage", "Purchase"]) & bill["ChargeClass"].isna()]
    return rows[rows[["PricingQuantity", "ListUnitPrice", "ContractedUnitPrice", "PricingUnit"]].isna().any(axis=1)]


def unmatched_corrections(bill: pd.DataFrame) -> list[int]:
    """A correction refunds a charge that is in the data: the same resource, SKU and charge period
    billed in an earlier billing period, at least twice (the duplicate it refunds)."""
    out = []
    normal = bill[bill["ChargeClass"].isna()]
    for i, c in bill[bill["ChargeClass"].eq("Correction")].iterrows():
        same = normal[normal["ResourceId"].eq(c["ResourceId"]) & normal["SkuId"].eq(c["SkuId"])
                      & normal["ChargePeriodStart"].eq(c["ChargePeriodStart"])
                      & normal["BillingPeriodStart"].lt(c["BillingPeriodStart"])
                      & np.isclose(normal["BilledCost"], -c["BilledCost"])]
        if len(same) < 2:
            out.append(i)
    return out


def tax_off_its_base(bill: pd.DataFrame) -> pd.DataFrame:
    """listcost.md, contractedcost.md, effectivecost.md: a Tax row's cost is calculated from the same cost
    column of the charges it taxes; here VAT_RATE times the Usage and Purchase charges of the provider's
    invoice (its billing period), in every one of the four cost columns."""
    cols = ["ListCost", "ContractedCost", "BilledCost", "EffectiveCost"]
    taxed = bill[bill["ChargeCategory"].isin(["Usage", "Purchase"])]
    base = taxed.groupby(["ProviderName", taxed["BillingPeriodStart"].dt.strftime("%Y-%m")])[cols].sum() * VAT_RATE
    tax = bill[bill["ChargeCategory"].eq("Tax")]
    mine = tax.set_index(["ProviderName", tax["BillingPeriodStart"].dt.strftime("%Y-%m")])[cols]
    off = ~np.isclose(mine, base.reindex(mine.index), atol=0.01, rtol=0).all(axis=1)
    return mine[off]


def credits_not_at_billed_cost(bill: pd.DataFrame) -> pd.DataFrame:
    """listcost.md, contractedcost.md: for a Credit, ListCost and ContractedCost MUST match BilledCost."""
    credit = bill[bill["ChargeCategory"].eq("Credit")]
    return credit[~(np.isclose(credit["ListCost"], credit["BilledCost"]) & np.isclose(credit["ContractedCost"], credit["BilledCost"]))]


# --- one test per repaired defect

def test_tax_rows_are_computed_from_the_charges_they_tax(bill):
    tax = bill[bill["ChargeCategory"].eq("Tax")]
    assert len(tax) == 6 and (tax["ListCost"] > tax["EffectiveCost"]).all()
    off = tax_off_its_base(bill)
    assert off.empty, f"{len(off)} Tax rows are not VAT_RATE x their invoice's taxed charges: {off.head(3).to_dict()}"


def test_credits_carry_their_billed_cost_in_list_and_contracted(bill):
    assert (bill["ChargeCategory"] == "Credit").sum() == 1
    assert credits_not_at_billed_cost(bill).empty


def test_no_single_instance_bills_more_than_24_hours_a_day(bill):
    over = instance_hours_over_a_day(bill)
    assert over.empty, f"{len(over)} resource-days bill more than 24 h on one instance: {over.head(3).to_dict()}"


def test_node_pool_hours_are_the_nodes_running_that_day(bill, capacity):
    pools = bill[bill["ChargeCategory"].eq("Usage") & bill["ResourceType"].isin(POOLS)]
    assert not pools.empty
    cluster = pools["Tags"].map(lambda t: json.loads(t)["cluster"])
    hours = pools.groupby([cluster, pools["ChargePeriodStart"].dt.strftime("%Y-%m-%d")])["PricingQuantity"].sum()
    nodes = capacity.set_index(["cluster", capacity["date"].dt.strftime("%Y-%m-%d")])["nodes"] * 24.0
    nodes.index.names = hours.index.names
    assert np.allclose(hours.sort_index(), nodes.reindex(hours.sort_index().index))


def test_commitment_purchases_are_standard_and_covered_usage_committed(bill):
    assert commitment_purchases_not_standard(bill).empty
    buy = bill[bill["ChargeCategory"].eq("Purchase") & bill["CommitmentDiscountId"].notna()]
    assert len(buy) == 3
    covered = bill[bill["ChargeCategory"].eq("Usage") & bill["CommitmentDiscountId"].notna()]
    assert set(covered["PricingCategory"]) == {"Committed"}
    assert set(covered["CommitmentDiscountStatus"]) == {"Used", "Unused"}
    assert bill.loc[bill["ChargeCategory"].eq("Tax"), "PricingCategory"].isna().all()


def test_usage_and_purchase_rows_carry_quantity_and_prices(bill):
    missing = unpriced_usage_or_purchase(bill)
    assert missing.empty, f"{len(missing)} Usage/Purchase rows lack a quantity or unit price"
    tax = bill[bill["ChargeCategory"].eq("Tax")]
    assert tax["PricingQuantity"].isna().all() and tax["ListUnitPrice"].isna().all()  # MUST be null for Tax
    priced = bill[bill["ChargeClass"].isna() & bill["ListUnitPrice"].notna()]
    assert np.allclose(priced["ListCost"], priced["ListUnitPrice"] * priced["PricingQuantity"], atol=0.01)
    assert np.allclose(priced["ContractedCost"], priced["ContractedUnitPrice"] * priced["PricingQuantity"], atol=0.01)


def test_the_correction_refunds_a_duplicate_that_is_in_the_data(bill):
    corrections = bill[bill["ChargeClass"].eq("Correction")]
    assert len(corrections) == 1
    assert unmatched_corrections(bill) == []
    dup = KEY["duplicate_charge"]
    c = corrections.iloc[0]
    assert (c["ResourceId"], str(c["ChargePeriodStart"].date())) == (dup["resource_id"], dup["charge_date"])
    assert c["BillingPeriodStart"].strftime("%Y-%m") == dup["refunded_in"]
    assert c["BilledCost"] == pytest.approx(-dup["billed_cost"])


def test_commitment_is_fully_amortised_each_month(bill):
    """effectivecost.md: for a commitment, sum of EffectiveCost over its Usage rows (used + unused) equals
    the BilledCost of its Purchase rows; the purchase's own EffectiveCost is 0."""
    sp = bill[bill["CommitmentDiscountId"].eq(KEY["savings_plan"]["id"])]
    month = sp["ChargePeriodStart"].dt.strftime("%Y-%m")
    buy = sp["ChargeCategory"].eq("Purchase")
    assert (sp.loc[buy, "EffectiveCost"] == 0).all()
    assert np.allclose(sp[~buy].groupby(month[~buy])["EffectiveCost"].sum(),
                       sp[buy].groupby(month[buy])["BilledCost"].sum(), atol=0.05)


def test_shared_cluster_rows_say_shared_and_name_their_operator(bill, capacity):
    """The house rule Week 5 teaches: shared=true wins over the team tag (the operator's name), so these
    rows are allocated to the clusters' tenants, not shown back to platform-runtime."""
    tags = bill["Tags"].dropna().map(json.loads)
    shared = tags[tags.map(lambda d: d.get("shared") == "true")]
    assert not shared.empty
    assert set(shared.map(lambda d: d.get("team"))) == {"platform-runtime"}
    assert set(shared.map(lambda d: d.get("cluster"))) == set(capacity["cluster"])
    kinds = bill.loc[shared.index, "ResourceType"]
    assert set(kinds) <= POOLS | {"Cluster", "Managed Cluster"}


def test_list_minus_effective_trap_is_there_to_catch(bill):
    """The commitment purchases' ListCost (EffectiveCost 0) would count as savings if not excluded."""
    gap = bill["ListCost"] - bill["EffectiveCost"]
    prepaid = bill["ChargeCategory"].eq("Purchase") & bill["CommitmentDiscountId"].notna()
    usage = bill["ChargeCategory"].eq("Usage")
    assert gap[prepaid].sum() > gap[usage].sum()  # the purchases are the largest part of the naive "savings"
    assert gap.sum() > 2 * gap[usage].sum()  # the naive sum more than doubles the real savings (the tax on list adds too)
    assert gap[usage].sum() > 0  # the real savings (negotiated + commitment, minus unused) are positive
    assert gap[usage & bill["CommitmentDiscountStatus"].eq("Unused")].sum() < 0  # unused commitment is waste


def test_anomaly_and_owners_still_hold(bill):
    a = KEY["anomaly"]
    r = bill[bill["ResourceId"] == a["resource_id"]].groupby(bill["ChargePeriodStart"].dt.strftime("%Y-%m-%d"))["EffectiveCost"].sum()
    assert r.idxmax() == a["date"] and r.max() > 5 * r.median()


# --- negative controls: each check finds the defect when it is put back

def test_controls_each_check_catches_its_defect(bill):
    hourly = bill.index[bill["ResourceType"].eq("DB Instance")][0]
    doubled = bill.copy()
    doubled.loc[hourly, "PricingQuantity"] = 48.0
    assert len(instance_hours_over_a_day(doubled)) == 1

    committed = bill.copy()
    committed.loc[committed["ChargeCategory"].eq("Purchase") & committed["CommitmentDiscountId"].notna(), "PricingCategory"] = "Committed"
    assert len(commitment_purchases_not_standard(committed)) == 3

    unpriced = bill.copy()
    unpriced.loc[unpriced["ChargeCategory"].eq("Purchase"), "ListUnitPrice"] = np.nan
    assert len(unpriced_usage_or_purchase(unpriced)) == (bill["ChargeCategory"] == "Purchase").sum()

    c = bill.index[bill["ChargeClass"].eq("Correction")][0]
    dup = bill[bill["ResourceId"].eq(bill.loc[c, "ResourceId"]) & bill["ChargePeriodStart"].eq(bill.loc[c, "ChargePeriodStart"])
               & bill["ChargeClass"].isna()].index
    assert unmatched_corrections(bill.drop(index=dup[1:])) == [c]

    before = bill.copy()  # the bill before the FOCUS 1.2 repair: tax and credit List/Contracted 0, VAT on usage only
    before.loc[before["ChargeCategory"].isin(["Tax", "Credit"]), ["ListCost", "ContractedCost"]] = 0.0
    assert len(tax_off_its_base(before)) == 6
    assert len(credits_not_at_billed_cost(before)) == 1
    usage_only = bill.copy()
    usage = usage_only[usage_only["ChargeCategory"].eq("Usage")]
    vat = usage.groupby(["ProviderName", usage["BillingPeriodStart"].dt.strftime("%Y-%m")])["BilledCost"].sum() * VAT_RATE
    tax = usage_only["ChargeCategory"].eq("Tax")
    keys = list(zip(usage_only.loc[tax, "ProviderName"], usage_only.loc[tax, "BillingPeriodStart"].dt.strftime("%Y-%m")))
    usage_only.loc[tax, ["BilledCost", "EffectiveCost"]] = np.repeat(vat.reindex(keys).to_numpy()[:, None], 2, axis=1)
    assert len(tax_off_its_base(usage_only)) == 6
