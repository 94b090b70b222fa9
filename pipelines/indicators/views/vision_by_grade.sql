-- grain: one row per school × year × grade (rule: docs/methods.md, 近视判定与视力不良分级).
-- Student records aggregate to the same grain and take the place of the summary row of the same
-- key (never counted twice); enrolled then comes from the summary row when there is one, and is
-- NULL when there is none (records do not say how many pupils the grade has).
-- judged: pupils the myopia criterion can judge; a pupil with uncorrected acuity < 5.0 in an eye
-- whose spherical equivalent is blank, and no eye found myopic, is indeterminate: counted apart,
-- left out of myopic and judged alike. A summary row has every screened pupil judged.
with eyes as (
  select
    year,
    school_id,
    grade,
    -- screened-myopic: in either eye, uncorrected acuity < 5.0 and spherical equivalent < -0.50 D
    (va_right < 5.0 and se_right < -0.5) is true or (va_left < 5.0 and se_left < -0.5) is true as is_myopic,
    (va_right < 5.0 and se_right is null) or (va_left < 5.0 and se_left is null) as lacks_refraction,
    -- low-vision band by the worse eye: 4.9 mild, 4.6-4.8 moderate, <= 4.5 severe
    round(least(va_right, va_left), 1) as worse_eye
  from vision_records
),

records as (
  select
    year,
    school_id,
    grade,
    count(*) as screened,
    count(*) filter (where is_myopic) as myopic,
    count(*) filter (where not is_myopic and lacks_refraction) as indeterminate,
    count(*) filter (where worse_eye >= 4.9 and worse_eye < 5.0) as low_vision_mild,
    count(*) filter (where worse_eye >= 4.6 and worse_eye < 4.9) as low_vision_moderate,
    count(*) filter (where worse_eye < 4.6) as low_vision_severe
  from eyes
  group by year, school_id, grade
),

from_records as (
  select
    r.year,
    r.school_id,
    r.grade,
    v.enrolled,
    r.screened,
    r.screened - r.indeterminate as judged,
    r.myopic,
    r.indeterminate,
    r.low_vision_mild,
    r.low_vision_moderate,
    r.low_vision_severe,
    'records' as source
  from records as r
  left join vision as v on v.year = r.year and v.school_id = r.school_id and v.grade = r.grade
),

from_summary as (
  select
    v.year,
    v.school_id,
    v.grade,
    v.enrolled,
    v.screened,
    v.screened as judged,
    v.myopic,
    0 as indeterminate,
    v.low_vision_mild,
    v.low_vision_moderate,
    v.low_vision_severe,
    'summary' as source
  from vision as v
  where not exists (
    select 1 from records as r
    where r.year = v.year and r.school_id = v.school_id and r.grade = v.grade
  )
),

vision_by_grade as (
  select * from from_records
  union all
  select * from from_summary
)

select * from vision_by_grade
