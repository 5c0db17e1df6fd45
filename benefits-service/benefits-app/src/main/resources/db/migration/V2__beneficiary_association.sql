-- The approved association that accompanies the beneficiary, from the validation of the pathway
-- (PathwayValidated 0.2): the only association that may follow its rights and record its
-- outcomes. NULL for beneficiaries validated before it was published: no association may.
ALTER TABLE beneficiary_rights ADD COLUMN association_id VARCHAR(255);
